package io.horizon.core.task;

/** A seeded generator of regression sequences (THEORY §8.1 and §10). */
public interface Task {
  /** Short name as used in specs. */
  String name();

  int inputDim();

  int length();

  /**
   * Per-step loss weights of length T (1 where a target exists), or null when every step carries a target
   * (sequence-to-sequence tasks such as the multi-lag regression).
   */
  double[] stepWeights();

  /** {@code count} independent sequences; the same seed gives bit-identical data everywhere. */
  SequenceDataset generate(int count, long seed);
}
