package io.horizon.core.learnability;

/**
 * One decay law fitted by least squares to (ℓ, log f̂(ℓ)) with its R² and AIC (THEORY §7.5).
 *
 * @param law the decay law
 * @param fit coefficients (intercept first, in the law's regressor order), SS_res, R² in log space, points
 * @param aic AIC = n log(SS_res/n) + 2k (THEORY §7.5), SS_res floored at the round-off level of the data
 */
public record LawFit(EnvelopeLaw law, LinearFit fit, double aic) {
  /**
   * Residuals below this fraction of max |log f| are round-off: without the floor an exact fit's AIC would compare
   * the round-off of two exact models instead of preferring the one with fewer parameters.
   */
  static final double RESOLUTION = 1e-10;

  /**
   * Least-squares fit of {@code law} on the lags it accepts with finite log f̂ (an infinite log f̂, from f̂ = 0, is
   * skipped as in THEORY §7.5; NaN is refused).
   */
  public static LawFit fit(EnvelopeLaw law, int[] lags, double[] logF) {
    int n = 0;
    for (int i = 0; i < lags.length; i++) {
      if (Double.isNaN(logF[i])) {
        throw new IllegalArgumentException("envelope: log f at lag " + lags[i] + " is NaN");
      }
      n += law.accepts(lags[i]) && Double.isFinite(logF[i]) ? 1 : 0;
    }
    int k = law.parameterCount();
    double[] y = new double[n];
    double[][] x = new double[k - 1][n];
    double scale = 0;
    int m = 0;
    for (int i = 0; i < lags.length; i++) {
      if (law.accepts(lags[i]) && Double.isFinite(logF[i])) {
        double[] r = law.regressors(lags[i]);
        for (int j = 0; j < r.length; j++) {
          x[j][m] = r[j];
        }
        y[m++] = logF[i];
        scale = Math.max(scale, Math.abs(logF[i]));
      }
    }
    LinearFit fit = LeastSquares.fit(law + " envelope fit", y, x);
    double floor = Math.max(Double.MIN_NORMAL, n * Math.pow(RESOLUTION * scale, 2));
    double aic = n * Math.log(Math.max(fit.rss(), floor) / n) + 2 * k;
    return new LawFit(law, fit, aic);
  }

  /** Fitted log f at a lag (for extrapolation beyond the grid). */
  public double logValue(double lag) {
    return fit.predict(law.regressors(lag));
  }

  /** Coefficient j (0 = intercept). */
  public double coefficient(int j) {
    return fit.coefficients()[j];
  }

  /** R² in log space. */
  public double r2() {
    return fit.r2();
  }
}
