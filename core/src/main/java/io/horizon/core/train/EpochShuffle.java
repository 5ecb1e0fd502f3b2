package io.horizon.core.train;

import io.horizon.core.random.Rng;

/**
 * The order in which one epoch visits the training sequences (THEORY §8.2 "each epoch shuffles the training
 * set"): a Fisher–Yates permutation drawn from a stream derived from the run seed and the epoch number alone.
 */
public final class EpochShuffle {
  private EpochShuffle() {}

  /** The permutation of {@code 0 … count-1} for {@code epoch} (1-based) of the run seeded {@code seed}. */
  public static int[] order(long seed, int epoch, int count) {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    new Rng(Rng.derive(seed, "shuffle/epoch-" + epoch)).shuffle(order);
    return order;
  }
}
