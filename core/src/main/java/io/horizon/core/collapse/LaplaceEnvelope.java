package io.horizon.core.collapse;

import io.horizon.core.learnability.EnvelopeFits;

/**
 * The envelope built from the time-scale spectrum alone, f_τ(ℓ) = (1/n) Σ_q e^{−ℓ/τ_q} (THEORY §11.1 Laplace
 * representation, §11.3 item 4), on a lag grid, with the exponential, power and tempered fits of §7.5; β_env is the
 * tempered-fit exponent and ℓ* = β τ_max its crossover (§11.3 item 5).
 *
 * @param lags the lag grid
 * @param logF log f_τ(ℓ) at each lag (evaluated as a log-mean-exp, so that it does not underflow)
 * @param fits the three §7.5 fits of log f_τ
 */
public record LaplaceEnvelope(int[] lags, double[] logF, EnvelopeFits fits) {

  /** f_τ on {@code lags} and its fits; τ_q must be positive (∞ allowed: such a unit never forgets). */
  public static LaplaceEnvelope of(double[] tau, int[] lags) {
    if (tau.length == 0) {
      throw new IllegalArgumentException("tau spectrum: is empty");
    }
    double tauMax = 0;
    for (int q = 0; q < tau.length; q++) {
      if (!(tau[q] > 0)) {
        throw new IllegalArgumentException("tau spectrum: tau[" + q + "] is " + tau[q] + ", expected positive");
      }
      tauMax = Math.max(tauMax, tau[q]);
    }
    double[] logF = new double[lags.length];
    for (int i = 0; i < lags.length; i++) {
      if (lags[i] <= 0) {
        throw new IllegalArgumentException("lags: [" + i + "] is " + lags[i] + ", expected positive");
      }
      double lead = -lags[i] / tauMax;
      double sum = 0;
      for (double t : tau) {
        sum += Math.exp(-lags[i] / t - lead);
      }
      logF[i] = lead + Math.log(sum / tau.length);
    }
    return new LaplaceEnvelope(lags.clone(), logF, EnvelopeFits.fit(lags, logF));
  }

  /** β_env: the tempered-fit exponent (THEORY §11.3 item 4). */
  public double betaEnv() {
    return fits.temperedBeta();
  }

  /** R² of the tempered fit that gives β_env. */
  public double betaEnvR2() {
    return fits.tempered().r2();
  }

  /** Crossover ℓ* = β τ_max of the tempered fit (THEORY §7.5, §11.3 item 5). */
  public double crossoverLag() {
    return fits.crossoverLag();
  }
}
