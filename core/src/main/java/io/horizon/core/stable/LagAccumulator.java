package io.horizon.core.stable;

import io.horizon.core.random.Rng;

/**
 * Streaming statistics of one lag's samples ψ(ℓ) (THEORY §5.4, §7.1): exact count, sum and mean, the number of
 * NaN/Inf samples, and a seeded uniform reservoir of the finite samples for the quantile and ECF estimators.
 * Instances that each saw part of a lag merge into one; the result equals feeding everything to one instance
 * exactly (bit for bit, through the sorted sample) while the total fits in the reservoir capacity.
 */
public final class LagAccumulator {
  /** Default reservoir capacity, 2^20 samples (8 MiB once full; memory grows with the samples until then). */
  public static final int DEFAULT_CAPACITY = 1 << 20;

  private final UniformReservoir reservoir;
  private final ExactSum sum = new ExactSum();
  private long count;
  private long nonFinite;

  /** An accumulator with the default capacity whose reservoir draws from the stream seeded by {@code seed}. */
  public LagAccumulator(long seed) {
    this(DEFAULT_CAPACITY, seed);
  }

  /** An accumulator holding at most {@code capacity} samples for the estimators. */
  public LagAccumulator(int capacity, long seed) {
    this.reservoir = new UniformReservoir(capacity, new Rng(seed));
  }

  /** Adds the samples {@code values[0 .. count)}; NaN/Inf ones are counted apart and kept out of sum and reservoir. */
  public void add(double[] values, int count) {
    if (values == null) {
      throw new IllegalArgumentException("values: null array");
    }
    if (count < 0 || count > values.length) {
      throw new IllegalArgumentException("count: " + count + " is outside [0, " + values.length + "]");
    }
    for (int i = 0; i < count; i++) {
      double v = values[i];
      if (Double.isFinite(v)) {
        sum.add(v);
        reservoir.add(v + 0.0);
        this.count++;
      } else {
        nonFinite++;
      }
    }
  }

  /** Adds everything {@code other} saw (same capacity required); {@code other} is left unchanged. */
  public void merge(LagAccumulator other) {
    reservoir.merge(other.reservoir);
    sum.add(other.sum);
    count += other.count;
    nonFinite += other.nonFinite;
  }

  /** Number of finite samples seen. */
  public long count() {
    return count;
  }

  /** Number of NaN or infinite samples seen (they make every fit unreliable). */
  public long nonFiniteCount() {
    return nonFinite;
  }

  /** Exact sum of the finite samples, correctly rounded. */
  public double sum() {
    return sum.value();
  }

  /** Mean of the finite samples, sum/count (NaN when there are none). */
  public double mean() {
    return count == 0 ? Double.NaN : sum.value() / count;
  }

  /** Number of samples held for the estimators: min(capacity, count). */
  public int retained() {
    return reservoir.size();
  }

  /** A copy of the retained samples with the NaN/Inf count. */
  public FiniteSample sample() {
    return FiniteSample.adopt(reservoir.values(), nonFinite);
  }

  /** The fit of the retained samples by {@code estimator}. */
  public StableFit fit(StableEstimator estimator) {
    return estimator.fit(sample());
  }
}
