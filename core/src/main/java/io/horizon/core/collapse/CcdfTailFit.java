package io.horizon.core.collapse;

import io.horizon.core.learnability.LeastSquares;
import io.horizon.core.learnability.LinearFit;
import io.horizon.core.learnability.Quantiles;
import java.util.Arrays;
import java.util.Optional;

/**
 * β̂ from the upper tail of the empirical CCDF of the time scales (THEORY §11.3 item 2): OLS
 * log P(τ &gt; x) = c − β log x over the unique τ in the quantile window [0.75, 0.995] with positive survival,
 * β̂ = max(0, −slope).
 *
 * @param beta β̂ = max(0, −slope)
 * @param slope the fitted slope of log P(τ &gt; x) on log x
 * @param r2 R² of the fit
 * @param points fit points (unique τ in the window)
 * @param sampleSize finite positive τ the CCDF was built from
 */
public record CcdfTailFit(double beta, double slope, double r2, int points, int sampleSize) {
  /** Fewest finite positive τ for a fit (THEORY §11.3 item 2). */
  public static final int MIN_TAUS = 16;
  /** Fewest points in the quantile window (THEORY §11.3 item 2). */
  public static final int MIN_POINTS = 8;
  /** Lower quantile of the fit window. */
  public static final double Q_MIN = 0.75;
  /** Upper quantile of the fit window. */
  public static final double Q_MAX = 0.995;

  /** The fit on the finite positive τ of {@code tau}; empty when there are too few τ or window points. */
  public static Optional<CcdfTailFit> fit(double[] tau) {
    double[] sorted = Arrays.stream(tau).filter(t -> t > 0 && Double.isFinite(t)).sorted().toArray();
    return fitSorted(sorted);
  }

  /** As {@link #fit} on τ that are already finite, positive and ascending. */
  static Optional<CcdfTailFit> fitSorted(double[] sorted) {
    int n = sorted.length;
    if (n < MIN_TAUS) {
      return Optional.empty();
    }
    double lo = Quantiles.ofSorted(sorted, Q_MIN);
    double hi = Quantiles.ofSorted(sorted, Q_MAX);
    double[] logX = new double[n];
    double[] logS = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      boolean lastOfTies = i == n - 1 || sorted[i + 1] > sorted[i];
      int above = n - 1 - i;
      if (lastOfTies && above > 0 && sorted[i] >= lo && sorted[i] <= hi) {
        logX[m] = Math.log(sorted[i]);
        logS[m++] = Math.log((double) above / n);
      }
    }
    if (m < MIN_POINTS) {
      return Optional.empty();
    }
    LinearFit ols = LeastSquares.fit("ccdf tail fit", Arrays.copyOf(logS, m), Arrays.copyOf(logX, m));
    double slope = ols.coefficients()[1];
    return Optional.of(new CcdfTailFit(Math.max(0, -slope), slope, ols.r2(), m, n));
  }
}
