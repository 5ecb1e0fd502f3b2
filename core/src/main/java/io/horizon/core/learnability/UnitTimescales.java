package io.horizon.core.learnability;

import java.util.Arrays;

/**
 * Per-unit time scales τ_q fitted to the per-unit profiles (THEORY §7.4, both variants). Only fitted units are
 * listed: units with fewer than {@link #MIN_POINTS} usable lags are skipped, and the AC variant rejects units whose
 * slope is not negative.
 *
 * @param units indices q of the fitted units
 * @param tau τ_q of each fitted unit (+∞ allowed in the LW variant)
 * @param r2 R²_q of each unit's regression
 * @param totalUnits units in the profile, fitted or not
 */
public record UnitTimescales(int[] units, double[] tau, double[] r2, int totalUnits) {
  /** Fewest usable lags per unit (THEORY §7.4: ≥ 5 points). */
  public static final int MIN_POINTS = 5;
  /** Default lag window of the AC variant (THEORY §7.4: lags in [64, 256]). */
  public static final int AC_WINDOW_FROM = 64;
  /** Upper end of the default AC lag window. */
  public static final int AC_WINDOW_TO = 256;

  /** τ = −1/b for a log-linear slope b, +∞ if b ≥ 0 (THEORY §7.4–7.5). */
  public static double timeScale(double slope) {
    return slope < 0 ? -1.0 / slope : Double.POSITIVE_INFINITY;
  }

  /**
   * LW variant (THEORY §7.4): OLS log μ̄_q(ℓ) = a_q + b_q ℓ over the lags with μ̄_q(ℓ) > 0, τ_q = −1/b_q (∞ if
   * b_q ≥ 0), for units with at least {@link #MIN_POINTS} such lags.
   */
  public static UnitTimescales fitLogOfMean(int[] lags, double[][] profile) {
    int units = profile[0].length;
    Builder out = new Builder(units);
    for (int q = 0; q < units; q++) {
      double[] x = new double[lags.length];
      double[] y = new double[lags.length];
      int n = 0;
      for (int i = 0; i < lags.length; i++) {
        if (!(profile[i][q] >= 0) || Double.isInfinite(profile[i][q])) {
          throw new IllegalArgumentException("unit profile: [" + i + "][" + q + "] is " + profile[i][q]
              + " (μ̄ must be finite and non-negative)");
        }
        if (profile[i][q] > 0) {
          x[n] = lags[i];
          y[n++] = Math.log(profile[i][q]);
        }
      }
      if (n >= MIN_POINTS) {
        LinearFit fit = LeastSquares.fit("unit " + q + " time-scale fit", Arrays.copyOf(y, n), Arrays.copyOf(x, n));
        out.add(q, timeScale(fit.coefficients()[1]), fit.r2());
      }
    }
    return out.build();
  }

  /**
   * AC variant (THEORY §7.4): OLS E log|μ^{(q)}|(ℓ) = a_q − μ̄_q ℓ over the lags in [from, to], τ_q = 1/μ̄_q;
   * units with a non-negative slope are rejected rather than given a huge τ. {@code logProfile} is indexed
   * [lag][unit]; rows of lags outside [from, to] are not read and may be null.
   */
  public static UnitTimescales fitMeanOfLog(int[] lags, double[][] logProfile, int from, int to) {
    int n = 0;
    for (int lag : lags) {
      n += lag >= from && lag <= to ? 1 : 0;
    }
    if (n < MIN_POINTS) {
      throw new IllegalArgumentException("ac-window: [" + from + ", " + to + "] holds " + n
          + " lags of the diagnostic grid, need at least " + MIN_POINTS);
    }
    double[] x = new double[n];
    int[] rows = new int[n];
    int k = 0;
    for (int i = 0; i < lags.length; i++) {
      if (lags[i] >= from && lags[i] <= to) {
        if (logProfile[i] == null) {
          throw new IllegalArgumentException("unit log profile: no row for lag " + lags[i] + " inside the window ["
              + from + ", " + to + "] (the diagnostic pass did not measure it)");
        }
        x[k] = lags[i];
        rows[k++] = i;
      }
    }
    int units = logProfile[rows[0]].length;
    Builder out = new Builder(units);
    double[] y = new double[n];
    for (int q = 0; q < units; q++) {
      for (int j = 0; j < n; j++) {
        y[j] = logProfile[rows[j]][q];
      }
      LinearFit fit = LeastSquares.fit("unit " + q + " decay-rate fit", y, x);
      double slope = fit.coefficients()[1];
      if (slope < 0) {
        out.add(q, -1.0 / slope, fit.r2());
      }
    }
    return out.build();
  }

  /** Number of fitted units. */
  public int fitted() {
    return units.length;
  }

  /** Collects the fitted units of a §7.4 fit in unit order. */
  private static final class Builder {
    private final int total;
    private final int[] units;
    private final double[] tau;
    private final double[] r2;
    private int size;

    Builder(int total) {
      this.total = total;
      this.units = new int[total];
      this.tau = new double[total];
      this.r2 = new double[total];
    }

    void add(int unit, double t, double r) {
      units[size] = unit;
      tau[size] = t;
      r2[size++] = r;
    }

    UnitTimescales build() {
      return new UnitTimescales(Arrays.copyOf(units, size), Arrays.copyOf(tau, size), Arrays.copyOf(r2, size), total);
    }
  }
}
