package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.random.Rng;
import java.util.Map;

/**
 * The short-memory task {@code short} (THEORY §10 table, S1 only): channel 0 holds U(0,1) draws, the other channels
 * are zero; the target at the last step is the sum of the last L values of channel 0. Defaults (THEORY §10.2 S1
 * settings): T 80, D 4, L 6.
 *
 * @param length sequence length T
 * @param inputDim channels D
 * @param window L, at most T
 */
public record ShortMemoryTask(int length, int inputDim, int window) implements LastStepTask {

  /** Spec name of this task. */
  public static final String NAME = "short";

  public ShortMemoryTask {
    SequenceGeneration.requirePositive("length", length);
    SequenceGeneration.requirePositive("inputDim", inputDim);
    SequenceGeneration.requireWindow("window", window, length);
  }

  /** The THEORY §10.2 S1 task. */
  public static ShortMemoryTask defaults() {
    return new ShortMemoryTask(80, 4, 6);
  }

  /** Reads the spec fields of this task (absent fields take the defaults). */
  static ShortMemoryTask fromSpec(SpecNode node) {
    ShortMemoryTask d = defaults();
    int length = node.integer("length", d.length());
    int inputDim = node.integer("inputDim", d.inputDim());
    int window = node.integer("window", d.window());
    node.rejectUnread();
    return node.build(() -> new ShortMemoryTask(length, inputDim, window));
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
    return SequenceGeneration.lastValuesSum(x, offset, length, inputDim, window);
  }
}
