package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.random.Rng;

/**
 * The adding task (THEORY §10 table): channels 0 … D−2 hold U(0,1) noise, channel D−1 is a mask with one marker
 * uniform in [0, T/2) and one in [T/2, T); the target at the last step is the sum of the two marked values of
 * channel 0. Defaults (THEORY §10.2 S1 settings): T 80, D 4 (3 content channels + 1 mask).
 *
 * @param length sequence length T ≥ 2
 * @param inputDim channels D ≥ 2 (the last one is the mask)
 */
public record AddingTask(int length, int inputDim) implements LastStepTask {

  /** Spec name of this task. */
  public static final String NAME = "adding";

  public AddingTask {
    if (length < 2) {
      throw new IllegalArgumentException("length: must be at least 2 (one marker per half), got " + length);
    }
    if (inputDim < 2) {
      throw new IllegalArgumentException("inputDim: must be at least 2 (content and mask channels), got " + inputDim);
    }
  }

  /** The THEORY §10.2 S1 task. */
  public static AddingTask defaults() {
    return new AddingTask(80, 4);
  }

  /** Reads the spec fields of this task (absent fields take the defaults). */
  static AddingTask fromSpec(SpecNode node) {
    AddingTask d = defaults();
    int length = node.integer("length", d.length());
    int inputDim = node.integer("inputDim", d.inputDim());
    node.rejectUnread();
    return node.build(() -> new AddingTask(length, inputDim));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double fillSequence(Rng rng, float[] x, int offset) {
    int mask = inputDim - 1;
    for (int t = 0; t < length; t++) {
      for (int d = 0; d < mask; d++) {
        x[offset + t * inputDim + d] = (float) rng.uniform();
      }
    }
    int half = length / 2;
    int first = rng.nextInt(half);
    int second = half + rng.nextInt(length - half);
    x[offset + first * inputDim + mask] = 1f;
    x[offset + second * inputDim + mask] = 1f;
    return (double) x[offset + first * inputDim] + x[offset + second * inputDim];
  }
}
