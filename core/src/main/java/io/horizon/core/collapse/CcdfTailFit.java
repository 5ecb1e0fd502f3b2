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
    return fit(tau, Q_MIN, Q_MAX);
  }

  /** As {@link #fit(double[])} on the quantile window [qMin, qMax] (0 ≤ qMin &lt; qMax ≤ 1). */
  public static Optional<CcdfTailFit> fit(double[] tau, double qMin, double qMax) {
    checkWindow(qMin, qMax);
    double[] sorted = Arrays.stream(tau).filter(t -> t > 0 && Double.isFinite(t)).sorted().toArray();
    return fitSorted(sorted, qMin, qMax);
  }

  /** Rejects a quantile window outside 0 ≤ qMin &lt; qMax ≤ 1. */
  static void checkWindow(double qMin, double qMax) {
    if (!(qMin >= 0 && qMin < qMax && qMax <= 1)) {
      throw new IllegalArgumentException("ccdf window: need 0 <= qMin < qMax <= 1, got [" + qMin + ", " + qMax
          + "]");
    }
  }

  /** As {@link #fit(double[], double, double)} on τ that are already finite, positive and ascending. */
  static Optional<CcdfTailFit> fitSorted(double[] sorted, double qMin, double qMax) {
    int n = sorted.length;
    if (n < MIN_TAUS) {
      return Optional.empty();
    }
    double lo = Quantiles.ofSorted(sorted, qMin);
    double hi = Quantiles.ofSorted(sorted, qMax);
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
