package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.random.Rng;
import java.util.Map;

/**
 * The moving-average task (THEORY §10 table): channel 0 holds U(0,1) draws, the other channels are zero; the
 * target at the last step is the mean of the last W values of channel 0. Defaults (THEORY §10.3 S2): T 120, D 6,
 * W 8.
 *
 * @param length sequence length T
 * @param inputDim channels D
 * @param window W, at most T
 */
public record MovingAverageTask(int length, int inputDim, int window) implements LastStepTask {

  /** Spec name of this task. */
  public static final String NAME = "movingavg";

  public MovingAverageTask {
    SequenceGeneration.requirePositive("length", length);
    SequenceGeneration.requirePositive("inputDim", inputDim);
    SequenceGeneration.requireWindow("window", window, length);
  }

  /** The THEORY §10.3 S2 task. */
  public static MovingAverageTask defaults() {
    return new MovingAverageTask(120, 6, 8);
  }

  /** Reads the spec fields of this task (absent fields take the defaults). */
  static MovingAverageTask fromSpec(SpecNode node) {
    MovingAverageTask d = defaults();
    int length = node.integer("length", d.length());
    int inputDim = node.integer("inputDim", d.inputDim());
    int window = node.integer("window", d.window());
    node.rejectUnread();
    return node.build(() -> new MovingAverageTask(length, inputDim, window));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> extraFields() {
    return Map.of("window", window);
  }

  @Override
  public double fillSequence(Rng rng, float[] x, int offset) {
    SequenceGeneration.fillFirstChannel(rng, x, offset, length, inputDim, 1.0);
    return SequenceGeneration.lastValuesSum(x, offset, length, inputDim, window) / window;
  }
}
