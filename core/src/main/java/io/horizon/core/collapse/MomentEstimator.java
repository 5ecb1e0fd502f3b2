package io.horizon.core.collapse;

import java.util.Arrays;

/**
 * The Dekkers–Einmahl–de Haan moment estimator of the extreme-value index γ (THEORY §11.3 item 10) on the
 * magnitudes |x|: with X_(1) ≥ … ≥ X_(k+1) the largest, M_j = (1/k) Σ_{i≤k} (log X_(i) − log X_(k+1))^j and
 * γ̂ = M_1 + 1 − 1/(2(1 − M_1²/M_2)); a heavy tail P(|X| &gt; x) ≍ x^{−α} has γ = 1/α.
 */
public final class MomentEstimator {
  /** Smallest default k (THEORY §11.3 item 10). */
  public static final int MIN_K = 50;
  /** Default k as a fraction of n. */
  public static final double K_FRACTION = 0.08;
  /** Largest k as a fraction of n. */
  public static final double MAX_K_FRACTION = 0.20;
  /** Fewest samples for which the default k keeps its floor of 50 within 0.20 n. */
  public static final int MIN_SAMPLES = (int) Math.ceil(MIN_K / MAX_K_FRACTION);

  private MomentEstimator() {}

  /** k = max(50, ⌊0.08 n⌋), at most ⌊0.20 n⌋ (THEORY §11.3 item 10). */
  public static int defaultK(int n) {
    return Math.min(Math.max(MIN_K, (int) Math.floor(K_FRACTION * n)), (int) Math.floor(MAX_K_FRACTION * n));
  }

  /** γ̂ from the k largest magnitudes of {@code samples}; needs 2 ≤ k &lt; n and X_(k+1) &gt; 0. */
  public static double gamma(double[] samples, int k) {
    int n = samples.length;
    if (k < 2 || k >= n) {
      throw new IllegalArgumentException("k: must lie in [2, " + (n - 1) + "] for " + n + " samples, got " + k);
    }
    double[] magnitudes = new double[n];
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(samples[i])) {
        throw new IllegalArgumentException("samples: [" + i + "] is " + samples[i]);
      }
      magnitudes[i] = Math.abs(samples[i]);
    }
    Arrays.sort(magnitudes);
    double threshold = magnitudes[n - k - 1];
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("samples: fewer than " + (k + 1) + " non-zero values");
    }
    double logThreshold = Math.log(threshold);
    double m1 = 0;
    double m2 = 0;
    for (int i = n - k; i < n; i++) {
      double d = Math.log(magnitudes[i]) - logThreshold;
      m1 += d;
      m2 += d * d;
    }
    m1 /= k;
    m2 /= k;
    return m1 + 1 - 0.5 / (1 - m1 * m1 / m2);
  }
}
