package io.horizon.core.collapse;

/**
 * Wald–Wolfowitz runs test on the signs of a residual sequence (THEORY §11.3 item 6), two-sided, by the normal
 * approximation: with n₊ positive and n₋ negative residuals (zeros dropped), n = n₊ + n₋ and R runs,
 * μ = 2n₊n₋/n + 1, σ² = 2n₊n₋(2n₊n₋ − n)/(n²(n − 1)), z = (R − μ)/σ, p = 2 P(Z &gt; |z|). Fewer runs than expected
 * (z &lt; 0) means residuals cluster in sign, i.e. the fitted law misses a trend.
 *
 * @param runs R
 * @param positives n₊
 * @param negatives n₋
 * @param z the standardised run count; 0 when σ = 0
 * @param pValue two-sided p; 1 when one sign is missing (nothing to test)
 */
public record RunsTest(int runs, int positives, int negatives, double z, double pValue) {

  /** The test on the signs of {@code residuals} in order; exact zeros are left out. */
  public static RunsTest of(double[] residuals) {
    int positives = 0;
    int negatives = 0;
    int runs = 0;
    int previous = 0;
    for (int i = 0; i < residuals.length; i++) {
      if (Double.isNaN(residuals[i])) {
        throw new IllegalArgumentException("residuals: [" + i + "] is NaN");
      }
      int sign = residuals[i] > 0 ? 1 : residuals[i] < 0 ? -1 : 0;
      if (sign == 0) {
        continue;
      }
      positives += sign > 0 ? 1 : 0;
      negatives += sign < 0 ? 1 : 0;
      runs += sign != previous ? 1 : 0;
      previous = sign;
    }
    if (positives == 0 || negatives == 0) {
      return new RunsTest(runs, positives, negatives, 0, 1);
    }
    double n = positives + negatives;
    double product = 2.0 * positives * negatives;
    double mean = product / n + 1;
    double variance = product * (product - n) / (n * n * (n - 1));
    if (!(variance > 0)) {
      return new RunsTest(runs, positives, negatives, 0, 1);
    }
    double z = (runs - mean) / Math.sqrt(variance);
    return new RunsTest(runs, positives, negatives, z, Math.min(1, 2 * StandardNormal.upperTail(Math.abs(z))));
  }
}
