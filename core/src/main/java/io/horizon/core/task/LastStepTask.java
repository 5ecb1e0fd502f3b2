package io.horizon.core.task;

import io.horizon.core.random.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task of the THEORY §10 table whose only target is at the last step: one sequence at a time fills its inputs and
 * returns its target; y holds the target at t = T−1 and 0 elsewhere, and only the last step carries loss weight.
 */
public sealed interface LastStepTask extends Task, TaskParameters
    permits AddingTask, RecallTask, SinusoidMixTask, WindowedChannelTask, Ar2Task, DelaySumTask, Narma10Task {

  /** Fills the inputs of one sequence ({@code x[offset + t·D + d]}) and returns its target. */
  double fillSequence(Rng rng, float[] x, int offset);

  /** Spec fields beyond {@code length} and {@code inputDim} (none by default). */
  default Map<String, Object> extraFields() {
    return Map.of();
  }

  @Override
  default double[] stepWeights() {
    return SequenceGeneration.lastStepWeights(length());
  }

  @Override
  default Task create() {
    return this;
  }

  @Override
  default Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("length", length());
    m.put("inputDim", inputDim());
    m.putAll(extraFields());
    return m;
  }

  @Override
  default SequenceDataset generate(int count, long seed) {
    return SequenceGeneration.lastStep(this, count, seed, this::fillSequence);
  }
}
