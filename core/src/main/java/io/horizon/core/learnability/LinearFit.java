package io.horizon.core.learnability;

/**
 * Result of an ordinary least-squares regression with intercept (the regressions of THEORY §7.4–7.5).
 *
 * @param coefficients intercept first, then one slope per regressor
 * @param rss residual sum of squares SS_res
 * @param r2 R² = 1 − SS_res/SS_tot (THEORY §7.5); 1 when the response is constant (the fit is then exact)
 * @param points number of observations
 */
public record LinearFit(double[] coefficients, double rss, double r2, int points) {

  /** The fitted value at one observation's regressors. */
  public double predict(double... regressors) {
    double value = coefficients[0];
    for (int j = 0; j < regressors.length; j++) {
      value += coefficients[j + 1] * regressors[j];
    }
    return value;
  }
}
