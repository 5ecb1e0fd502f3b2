package io.horizon.core.collapse;

/**
 * One-sided binomial sign test for an excess of negative residuals (THEORY §11.3 item 6, residuals above ℓ*):
 * with k negative among n non-zero residuals, p = P(X ≥ k) for X ~ Binomial(n, 1/2), summed exactly in log space.
 *
 * @param negatives k
 * @param count n, the non-zero residuals
 * @param pValue P(X ≥ k); 1 when n = 0
 */
public record SignTest(int negatives, int count, double pValue) {

  /** The test on the signs of {@code residuals}; exact zeros are left out. */
  public static SignTest of(double[] residuals) {
    int negatives = 0;
    int count = 0;
    for (int i = 0; i < residuals.length; i++) {
      if (Double.isNaN(residuals[i])) {
        throw new IllegalArgumentException("residuals: [" + i + "] is NaN");
      }
      negatives += residuals[i] < 0 ? 1 : 0;
      count += residuals[i] != 0 ? 1 : 0;
    }
    return new SignTest(negatives, count, upperTail(negatives, count));
  }

  /** P(X ≥ k) for X ~ Binomial(n, 1/2): log pmf by the recursion log C(n,i) = log C(n,i−1) + log((n−i+1)/i). */
  static double upperTail(int k, int n) {
    if (k <= 0) {
      return 1;
    }
    double[] logPmf = new double[n + 1];
    logPmf[0] = -n * Math.log(2);
    for (int i = 1; i <= n; i++) {
      logPmf[i] = logPmf[i - 1] + Math.log((double) (n - i + 1) / i);
    }
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = k; i <= n; i++) {
      peak = Math.max(peak, logPmf[i]);
    }
    double sum = 0;
    for (int i = k; i <= n; i++) {
      sum += Math.exp(logPmf[i] - peak);
    }
    return Math.min(1, Math.exp(peak + Math.log(sum)));
  }
}
