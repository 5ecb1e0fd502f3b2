package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.random.Rng;
import java.util.Map;

/**
 * The recall task (THEORY §10 table, "copy/recall-like"): channels 0 … D−2 hold U(0,1) noise, channel D−1 marks
 * K distinct positions drawn uniformly from the first third {@code [0, max(3, ⌊T/3⌋))}; the target at the last
 * step is the sum of the marked values of channel 0. Defaults (THEORY §10.2 S1): T 80, D 4, K 5.
 *
 * @param length sequence length T ≥ 3
 * @param inputDim channels D ≥ 2 (the last one is the mask)
 * @param markers K, at most the size of the first third
 */
public record RecallTask(int length, int inputDim, int markers) implements LastStepTask {

  /** Spec name of this task. */
  public static final String NAME = "recall";

  public RecallTask {
    if (length < 3) {
      throw new IllegalArgumentException("length: must be at least 3, got " + length);
    }
    if (inputDim < 2) {
      throw new IllegalArgumentException("inputDim: must be at least 2 (content and mask channels), got " + inputDim);
    }
    SequenceGeneration.requirePositive("markers", markers);
    if (markers > window(length)) {
      throw new IllegalArgumentException("markers: must be at most the first third of the sequence ("
          + window(length) + " steps), got " + markers);
    }
  }

  /** The marker window {@code max(3, ⌊T/3⌋)}. */
  public static int window(int length) {
    return Math.max(3, length / 3);
  }

  /** The THEORY §10.2 S1 task. */
  public static RecallTask defaults() {
    return new RecallTask(80, 4, 5);
  }

  /** Reads the spec fields of this task (absent fields take the defaults). */
  static RecallTask fromSpec(SpecNode node) {
    RecallTask d = defaults();
    int length = node.integer("length", d.length());
    int inputDim = node.integer("inputDim", d.inputDim());
    int markers = node.integer("markers", d.markers());
    node.rejectUnread();
    return node.build(() -> new RecallTask(length, inputDim, markers));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> extraFields() {
    return Map.of("markers", markers);
  }

  @Override
  public double fillSequence(Rng rng, float[] x, int offset) {
    int mask = inputDim - 1;
    for (int t = 0; t < length; t++) {
      for (int d = 0; d < mask; d++) {
        x[offset + t * inputDim + d] = (float) rng.uniform();
      }
    }
    int[] positions = new int[window(length)];
    for (int p = 0; p < positions.length; p++) {
      positions[p] = p;
    }
    double target = 0;
    for (int k = 0; k < markers; k++) { // partial Fisher–Yates: the first K entries become a uniform K-subset
      int j = k + rng.nextInt(positions.length - k);
      int chosen = positions[j];
      positions[j] = positions[k];
      positions[k] = chosen;
      x[offset + chosen * inputDim + mask] = 1f;
      target += x[offset + chosen * inputDim];
    }
    return target;
  }
}
