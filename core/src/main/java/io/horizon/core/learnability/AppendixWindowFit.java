package io.horizon.core.learnability;

import java.util.Arrays;
import java.util.Optional;

/**
 * Appendix-I windowed envelope fits (THEORY §7.5, make_appendix_optimizer_figs): semi-log and log-log regressions of
 * log f̂ restricted to a window that drops points below 10·ε_floor (ε_floor = max(1e-300, 0.01 × 0.1%-quantile of
 * the positive f̂); 1e-300 with fewer than 10 positive values) and trims 10% of the usable points at each end.
 *
 * @param lambda λ = −b of log f = a + b ℓ
 * @param semiLogR2 R² of the semi-log fit
 * @param beta β = −d of log f = c + d log ℓ
 * @param logLogR2 R² of the log-log fit
 * @param fromLag smallest lag of the window
 * @param toLag largest lag of the window
 * @param points lags in the window
 */
public record AppendixWindowFit(
    double lambda, double semiLogR2, double beta, double logLogR2, int fromLag, int toLag, int points) {
  /** Fewest points before and after trimming. */
  public static final int MIN_POINTS = 8;
  /** Fraction trimmed at each end of the usable points. */
  static final double TRIM = 0.10;
  /** Points with f̂ below this multiple of the floor are excluded. */
  static final double FLOOR_EXCLUDE_FACTOR = 10.0;
  /** Quantile level of the positive f̂ that sets the floor. */
  static final double FLOOR_QUANTILE = 0.001;
  /** Factor applied to that quantile. */
  static final double FLOOR_SCALE = 0.01;
  /** Smallest floor. */
  static final double MIN_FLOOR = 1e-300;
  /** Fewest positive f̂ values for a quantile-based floor. */
  static final int MIN_VALUES_FOR_FLOOR = 10;

  /** Windowed fits of the linear envelope {@code f} (≥ 0) on ascending {@code lags}; empty when too few points. */
  public static Optional<AppendixWindowFit> fit(int[] lags, double[] f) {
    double floor = floor(f);
    int[] usable = new int[lags.length];
    int n = 0;
    for (int i = 0; i < lags.length; i++) {
      if (f[i] > 0 && Double.isFinite(f[i]) && f[i] >= FLOOR_EXCLUDE_FACTOR * floor) {
        usable[n++] = i;
      }
    }
    if (n < MIN_POINTS) {
      return Optional.empty();
    }
    int lo = (int) Math.floor(TRIM * n);
    int hi = Math.max((int) Math.ceil((1.0 - TRIM) * n), lo + 2);
    int[] window = Arrays.copyOfRange(usable, lo, Math.min(hi, n));
    if (window.length < MIN_POINTS) {
      return Optional.empty();
    }
    double[] ell = new double[window.length];
    double[] logEll = new double[window.length];
    double[] logF = new double[window.length];
    for (int k = 0; k < window.length; k++) {
      ell[k] = lags[window[k]];
      logEll[k] = Math.log(lags[window[k]]);
      logF[k] = Math.log(f[window[k]]);
    }
    LinearFit semiLog = LeastSquares.fit("appendix semi-log fit", logF, ell);
    LinearFit logLog = LeastSquares.fit("appendix log-log fit", logF, logEll);
    return Optional.of(new AppendixWindowFit(-semiLog.coefficients()[1], semiLog.r2(), -logLog.coefficients()[1],
        logLog.r2(), lags[window[0]], lags[window[window.length - 1]], window.length));
  }

  /** ε_floor = max(1e-300, 0.01 × quantile_{0.001} of the positive f̂), or 1e-300 with fewer than 10 of them. */
  private static double floor(double[] f) {
    double[] positive = Arrays.stream(f).filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
    if (positive.length < MIN_VALUES_FOR_FLOOR) {
      return MIN_FLOOR;
    }
    return Math.max(MIN_FLOOR, FLOOR_SCALE * Quantiles.ofSorted(positive, FLOOR_QUANTILE));
  }
}
