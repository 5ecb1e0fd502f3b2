package io.horizon.core.collapse;

import io.horizon.core.learnability.LeastSquares;
import io.horizon.core.learnability.LinearFit;

/**
 * Late-training stabilisation of the ζ population (THEORY §11.3 item 9): the mean and variance (ddof 0) of the
 * finite ζ_q at each checkpoint and their least-squares trends per epoch; trends near zero mean the population
 * has settled.
 *
 * @param epochs checkpoint epochs
 * @param means mean of ζ at each checkpoint
 * @param variances variance of ζ at each checkpoint
 * @param meanTrend OLS slope of the mean per epoch
 * @param varianceTrend OLS slope of the variance per epoch
 */
public record ZetaStabilisation(int[] epochs, double[] means, double[] variances, double meanTrend,
    double varianceTrend) {

  /** The statistics of {@code zeta[checkpoint][unit]} (NaN for units without τ) at {@code epochs}. */
  public static ZetaStabilisation of(int[] epochs, double[][] zeta) {
    if (epochs.length != zeta.length) {
      throw new IllegalArgumentException("zeta: has " + zeta.length + " checkpoints for " + epochs.length
          + " epochs");
    }
    int m = zeta.length;
    double[] means = new double[m];
    double[] variances = new double[m];
    double[] x = new double[m];
    for (int t = 0; t < m; t++) {
      double sum = 0;
      int n = 0;
      for (double z : zeta[t]) {
        if (Double.isFinite(z)) {
          sum += z;
          n++;
        }
      }
      if (n == 0) {
        throw new IllegalArgumentException("zeta: checkpoint " + t + " has no finite value");
      }
      double mean = sum / n;
      double ss = 0;
      for (double z : zeta[t]) {
        ss += Double.isFinite(z) ? (z - mean) * (z - mean) : 0;
      }
      means[t] = mean;
      variances[t] = ss / n;
      x[t] = epochs[t];
    }
    LinearFit meanFit = LeastSquares.fit("zeta mean trend", means, x);
    LinearFit varianceFit = LeastSquares.fit("zeta variance trend", variances, x);
    return new ZetaStabilisation(epochs.clone(), means, variances, meanFit.coefficients()[1],
        varianceFit.coefficients()[1]);
  }
}
