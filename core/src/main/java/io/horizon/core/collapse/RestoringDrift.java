package io.horizon.core.collapse;

import io.horizon.core.learnability.LeastSquares;
import io.horizon.core.learnability.LinearFit;
import io.horizon.core.learnability.Quantiles;
import io.horizon.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The far-left restoring drift κ̂_tail (THEORY §11.3 item 9, §11.1 far-left closure F(ζ) → κ): over consecutive
 * late checkpoints, the transitions Δζ_q = ζ_q(t+1) − ζ_q(t) of the units in the far-left slice of ζ(t)
 * ({@link FarLeftSlice}); κ̂_tail is their 10% trimmed mean, with a 90% moving-block bootstrap interval over
 * transition steps (block length ⌈m^{1/3}⌉ for m steps), a positivity test κ_lo &gt; 0 and a comparison by AIC
 * (n log(RSS/n) + 2k) of a constant drift Δζ = κ against a linear one Δζ = a + bζ on the slice.
 *
 * @param qLow the slice's quantile level
 * @param transitions transitions on the slice
 * @param kappa κ̂_tail
 * @param lo 5th percentile of the bootstrap κ̂
 * @param hi 95th percentile of the bootstrap κ̂
 * @param linearSlope b of the linear drift Δζ = a + bζ on the slice; NaN when the slice's ζ all coincide
 * @param aicConstant AIC of the constant drift
 * @param aicLinear AIC of the linear drift; NaN when it cannot be fitted
 * @param residuals the drift-subtracted transitions Δζ − κ̂_tail on the slice, whose tail index THEORY §11.3 item 10
 *     also asks for
 */
public record RestoringDrift(
    double qLow,
    int transitions,
    double kappa,
    double lo,
    double hi,
    double linearSlope,
    double aicConstant,
    double aicLinear,
    double[] residuals) {
  /** Fraction trimmed from each end of the sorted transitions. */
  public static final double TRIM = 0.10;
  /** Two-sided level of the bootstrap interval. */
  public static final double LEVEL = 0.90;
  /** Default bootstrap resamples. */
  public static final int DEFAULT_RESAMPLES = 2000;
  /** Fewest transitions on the slice for an estimate (the linear comparison needs three). */
  public static final int MIN_TRANSITIONS = 3;

  /**
   * κ̂_tail from {@code zeta[checkpoint][unit]} over consecutive late checkpoints (NaN marks a unit without τ at a
   * checkpoint) on the slice at {@code qLow}, with {@code resamples} block-bootstrap draws seeded by {@code seed}.
   */
  public static RestoringDrift estimate(double[][] zeta, double qLow, int resamples, long seed) {
    if (zeta.length < 2) {
      throw new IllegalArgumentException("zeta: need at least 2 checkpoints, got " + zeta.length);
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("bootstrap-resamples: must be at least 1, got " + resamples);
    }
    int steps = zeta.length - 1;
    double[][] from = new double[steps][];
    double[][] delta = new double[steps][];
    for (int t = 0; t < steps; t++) {
      if (zeta[t + 1].length != zeta[t].length) {
        throw new IllegalArgumentException("zeta: checkpoint " + (t + 1) + " has " + zeta[t + 1].length
            + " units, checkpoint " + t + " has " + zeta[t].length);
      }
      int[] slice = FarLeftSlice.units(zeta[t], qLow);
      from[t] = new double[slice.length];
      delta[t] = new double[slice.length];
      int n = 0;
      for (int q : slice) {
        if (Double.isFinite(zeta[t + 1][q])) {
          from[t][n] = zeta[t][q];
          delta[t][n++] = zeta[t + 1][q] - zeta[t][q];
        }
      }
      from[t] = Arrays.copyOf(from[t], n);
      delta[t] = Arrays.copyOf(delta[t], n);
    }
    double[] allFrom = concat(from);
    double[] allDelta = concat(delta);
    int n = allDelta.length;
    if (n < MIN_TRANSITIONS) {
      throw new IllegalArgumentException("zeta: the far-left slice at q-low " + qLow + " holds " + n
          + " transitions, need at least " + MIN_TRANSITIONS);
    }
    double kappa = TrimmedMean.ofInPlace(allDelta.clone(), n, TRIM);
    double[] interval = blockBootstrap(delta, resamples, seed);
    double mean = Arrays.stream(allDelta).average().orElseThrow();
    double rssConstant = Arrays.stream(allDelta).map(d -> (d - mean) * (d - mean)).sum();
    double slope = Double.NaN;
    double aicLinear = Double.NaN;
    if (spread(allFrom)) {
      LinearFit linear = LeastSquares.fit("restoring drift linear fit", allDelta, allFrom);
      slope = linear.coefficients()[1];
      aicLinear = aic(linear.rss(), n, 2);
    }
    return new RestoringDrift(qLow, n, kappa, interval[0], interval[1], slope, aic(rssConstant, n, 1), aicLinear,
        Arrays.stream(allDelta).map(d -> d - kappa).toArray());
  }

  /** {@link #estimate} at each q_low of a sweep. */
  public static List<RestoringDrift> sweep(double[][] zeta, double[] qLows, int resamples, long seed) {
    List<RestoringDrift> out = new ArrayList<>();
    for (double qLow : qLows) {
      out.add(estimate(zeta, qLow, resamples, seed));
    }
    return List.copyOf(out);
  }

  /** Positivity test: the whole 90% interval lies above zero. */
  public boolean positive() {
    return lo > 0;
  }

  /**
   * Whether the linear drift has the smaller AIC (the constant far-left closure is then in doubt); false when the
   * linear drift could not be fitted.
   */
  public boolean linearPreferred() {
    return aicLinear < aicConstant;
  }

  /**
   * Whether the slice's ζ take at least two values; when every unit sits at the same ζ (all capped at τ = T, say)
   * the linear drift cannot be fitted and only the constant one is.
   */
  private static boolean spread(double[] from) {
    return Arrays.stream(from).anyMatch(z -> z != from[0]);
  }

  /** The rows one after another. */
  private static double[] concat(double[][] rows) {
    return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
  }

  /** AIC = n log(RSS/n) + 2k, RSS floored at the smallest normal double. */
  private static double aic(double rss, int n, int k) {
    return n * Math.log(Math.max(rss, Double.MIN_NORMAL) / n) + 2 * k;
  }

  /** Percentile interval of the trimmed mean over moving blocks of ⌈m^{1/3}⌉ consecutive transition steps. */
  private static double[] blockBootstrap(double[][] delta, int resamples, long seed) {
    int steps = delta.length;
    int block = (int) Math.ceil(Math.cbrt(steps));
    int blocks = (steps + block - 1) / block;
    int starts = steps - block + 1;
    Rng rng = new Rng(Rng.derive(seed, "collapse/restoring-drift"));
    int capacity = 0;
    for (double[] d : delta) {
      capacity = Math.max(capacity, d.length);
    }
    double[] pool = new double[capacity * blocks * block];
    double[] kappas = new double[resamples];
    int kept = 0;
    int[] chosen = new int[blocks * block];
    for (int b = 0; b < resamples; b++) {
      for (int j = 0; j < blocks; j++) {
        int start = rng.nextInt(starts);
        for (int i = 0; i < block; i++) {
          chosen[j * block + i] = start + i;
        }
      }
      int n = 0;
      for (int t : chosen) {
        System.arraycopy(delta[t], 0, pool, n, delta[t].length);
        n += delta[t].length;
      }
      if (n > 0) {
        kappas[kept++] = TrimmedMean.ofInPlace(pool, n, TRIM);
      }
    }
    if (kept == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] sorted = Arrays.copyOf(kappas, kept);
    Arrays.sort(sorted);
    double tail = (1 - LEVEL) / 2;
    return new double[] {Quantiles.ofSorted(sorted, tail), Quantiles.ofSorted(sorted, 1 - tail)};
  }
}
