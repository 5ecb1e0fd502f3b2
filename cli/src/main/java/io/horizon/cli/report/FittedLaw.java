package io.horizon.cli.report;

import io.horizon.core.learnability.EnvelopeLaw;

/**
 * One envelope law of a report with its coefficients, intercept first (THEORY §7.5: log f = a + b ℓ,
 * log f = c + d log ℓ, log f = a + d log ℓ + b ℓ).
 */
record FittedLaw(EnvelopeLaw law, double[] coefficients) {

  /** The fitted envelope f(ℓ) = exp(intercept + Σ coefficient × regressor) at {@code lag}. */
  double envelope(double lag) {
    double[] x = law.regressors(lag);
    double log = coefficients[0];
    for (int j = 0; j < x.length; j++) {
      log += coefficients[j + 1] * x[j];
    }
    return Math.exp(log);
  }

  /** Whether every coefficient is finite, so that the law can be drawn. */
  boolean drawable() {
    for (double c : coefficients) {
      if (!Double.isFinite(c)) {
        return false;
      }
    }
    return true;
  }
}
