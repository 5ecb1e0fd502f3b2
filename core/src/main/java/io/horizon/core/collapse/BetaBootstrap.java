package io.horizon.core.collapse;

import io.horizon.core.learnability.Quantiles;
import io.horizon.core.random.Rng;
import java.util.Arrays;
import java.util.Optional;

/**
 * Bootstrap of the CCDF tail exponent over neurons (THEORY §11.3 item 3): B resamples of the τ_q with replacement,
 * β̂ of each by {@link CcdfTailFit}, and the median, 90% percentile interval, P(β̂ &lt; 1) and standard deviation
 * (ddof 0) of the replicates whose fit succeeded. A stability diagnostic rather than a strict interval.
 *
 * @param median median of the replicate β̂
 * @param lo 5th percentile
 * @param hi 95th percentile
 * @param probBelowOne fraction of replicates with β̂ &lt; 1
 * @param std standard deviation of the replicate β̂
 * @param replicates replicates with a successful fit
 */
public record BetaBootstrap(double median, double lo, double hi, double probBelowOne, double std, int replicates) {
  /** Default number of resamples (THEORY §11.3 item 3). */
  public static final int DEFAULT_RESAMPLES = 2000;
  /** Default seed of the resampling stream. */
  public static final long DEFAULT_SEED = 42;
  /** Two-sided level of the percentile interval. */
  public static final double LEVEL = 0.90;

  /** The bootstrap with {@code resamples} draws from the stream seeded by {@code seed}; empty if no fit succeeds. */
  public static Optional<BetaBootstrap> of(double[] tau, int resamples, long seed) {
    return of(tau, resamples, seed, CcdfTailFit.Q_MIN, CcdfTailFit.Q_MAX);
  }

  /** As {@link #of(double[], int, long)} with the CCDF fit on the quantile window [qMin, qMax]. */
  public static Optional<BetaBootstrap> of(double[] tau, int resamples, long seed, double qMin, double qMax) {
    CcdfTailFit.checkWindow(qMin, qMax);
    if (resamples < 1) {
      throw new IllegalArgumentException("bootstrap-resamples: must be at least 1, got " + resamples);
    }
    double[] finite = Arrays.stream(tau).filter(t -> t > 0 && Double.isFinite(t)).toArray();
    int n = finite.length;
    Rng rng = new Rng(Rng.derive(seed, "collapse/beta-bootstrap"));
    double[] betas = new double[resamples];
    double[] draw = new double[n];
    int ok = 0;
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < n; i++) {
        draw[i] = finite[rng.nextInt(n)];
      }
      Arrays.sort(draw);
      Optional<CcdfTailFit> fit = CcdfTailFit.fitSorted(draw, qMin, qMax);
      if (fit.isPresent()) {
        betas[ok++] = fit.get().beta();
      }
    }
    return ok == 0 ? Optional.empty() : Optional.of(summarise(Arrays.copyOf(betas, ok)));
  }

  /** Median, percentile interval, P(β̂ &lt; 1) and std of the replicate exponents. */
  private static BetaBootstrap summarise(double[] betas) {
    Arrays.sort(betas);
    int n = betas.length;
    double mean = 0;
    int below = 0;
    for (double b : betas) {
      mean += b;
      below += b < 1 ? 1 : 0;
    }
    mean /= n;
    double ss = 0;
    for (double b : betas) {
      ss += (b - mean) * (b - mean);
    }
    double tail = (1 - LEVEL) / 2;
    return new BetaBootstrap(Quantiles.ofSorted(betas, 0.5), Quantiles.ofSorted(betas, tail),
        Quantiles.ofSorted(betas, 1 - tail), (double) below / n, Math.sqrt(ss / n), n);
  }
}
