package io.horizon.core.collapse;

import io.horizon.core.random.Rng;
import io.horizon.core.stable.UniformReservoir;

/**
 * The parameter increments recorded since the last {@link #drain} (THEORY §11.3 item 10), kept as a uniform sample
 * of at most {@code capacity} of them. Each stretch between drains has its own reservoir, seeded from the seed and
 * the number of the stretch's first step, so a run resumed from a checkpoint (where the trainer drains) records
 * exactly what the uninterrupted run recorded.
 */
public final class IncrementSamples {
  /** Default capacity. */
  public static final int DEFAULT_CAPACITY = 4096;

  private final int capacity;
  private final long seed;
  private UniformReservoir reservoir;
  private long recorded;

  /** Samples of at most {@code capacity} increments, drawn from streams derived from {@code seed}. */
  public IncrementSamples(int capacity, long seed) {
    if (capacity < 1) {
      throw new IllegalArgumentException("slow-mode-samples: must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.seed = Rng.derive(seed, "collapse/slow-row-increments");
  }

  /** Offers the increments of optimizer step {@code step}. */
  void record(double[] increments, long step) {
    if (reservoir == null) {
      reservoir = new UniformReservoir(capacity, new Rng(Rng.derive(seed, "from step " + step)));
    }
    for (double v : increments) {
      reservoir.add(v);
    }
    recorded += increments.length;
  }

  /** Increments offered since the last drain. */
  public long recorded() {
    return recorded;
  }

  /** The sample of the increments since the last drain (empty when none), which are then forgotten. */
  public double[] drain() {
    double[] out = reservoir == null ? new double[0] : reservoir.values();
    reservoir = null;
    recorded = 0;
    return out;
  }
}
