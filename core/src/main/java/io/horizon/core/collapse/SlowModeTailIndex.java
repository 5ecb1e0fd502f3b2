package io.horizon.core.collapse;

import io.horizon.core.learnability.Quantiles;
import io.horizon.core.random.Rng;
import java.util.Arrays;
import java.util.Optional;

/**
 * The slow-mode forcing tail index (THEORY §11.3 item 10): the moment estimator's γ̂ on the samples (realised
 * parameter increments on the slow units' rows), bias-corrected to α_eff by inverting a matched-n SαS
 * {@link TailCalibration}, a 90% interval from bootstrap resamples of the samples, "substantively heavy" when
 * α_eff ≤ 1.8, and a Gaussian-boundary test (H₀: α = 2) at level 0.05 against the calibration's α = 2 replicates.
 *
 * @param size samples used
 * @param k the moment estimator's k
 * @param gamma raw γ̂
 * @param alphaEff bias-corrected α_eff
 * @param lo 5th percentile of the bootstrap α_eff
 * @param hi 95th percentile of the bootstrap α_eff
 * @param gaussianPValue one-sided p of H₀: α = 2
 */
public record SlowModeTailIndex(int size, int k, double gamma, double alphaEff, double lo, double hi,
    double gaussianPValue) {
  /** Default CI bootstraps (THEORY §11.3 item 10). */
  public static final int DEFAULT_BOOTSTRAPS = 100;
  /** α_eff at or below this is substantively heavy. */
  public static final double HEAVY_ALPHA = 1.8;
  /** Level of the Gaussian-boundary test. */
  public static final double GAUSSIAN_LEVEL = 0.05;
  /** Two-sided level of the bootstrap interval. */
  public static final double LEVEL = 0.90;

  /** The estimate on {@code samples} with a calibration built for their size (see {@link TailCalibration}). */
  public static SlowModeTailIndex estimate(double[] samples, TailCalibration calibration, int bootstraps,
      long seed) {
    int n = samples.length;
    if (n != calibration.size()) {
      throw new IllegalArgumentException("samples: " + n + " values, but the calibration matches n = "
          + calibration.size());
    }
    if (bootstraps < 1) {
      throw new IllegalArgumentException("tail-bootstraps: must be at least 1, got " + bootstraps);
    }
    int k = calibration.k();
    double gamma = MomentEstimator.gamma(samples, k);
    Rng rng = new Rng(Rng.derive(seed, "collapse/slow-mode-tail"));
    double[] alphas = new double[bootstraps];
    double[] draw = new double[n];
    for (int b = 0; b < bootstraps; b++) {
      for (int i = 0; i < n; i++) {
        draw[i] = samples[rng.nextInt(n)];
      }
      alphas[b] = calibration.alphaFor(MomentEstimator.gamma(draw, k));
    }
    Arrays.sort(alphas);
    double tail = (1 - LEVEL) / 2;
    return new SlowModeTailIndex(n, k, gamma, calibration.alphaFor(gamma), Quantiles.ofSorted(alphas, tail),
        Quantiles.ofSorted(alphas, 1 - tail), calibration.gaussianPValue(gamma));
  }

  /**
   * Why the index cannot be estimated on {@code samples}, or empty when it can: fewer than
   * {@link MomentEstimator#MIN_SAMPLES}, a NaN or Inf sample, or no more non-zero samples than the default k.
   */
  public static Optional<String> unusable(double[] samples) {
    int n = samples.length;
    if (n < MomentEstimator.MIN_SAMPLES) {
      return Optional.of(n + " samples, the moment estimator needs at least " + MomentEstimator.MIN_SAMPLES);
    }
    int nonZero = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(samples[i])) {
        return Optional.of("sample [" + i + "] is " + samples[i]);
      }
      nonZero += samples[i] != 0 ? 1 : 0;
    }
    int k = MomentEstimator.defaultK(n);
    if (nonZero <= k) {
      return Optional.of(nonZero + " of " + n + " samples are non-zero, the moment estimator needs more than k = "
          + k);
    }
    return Optional.empty();
  }

  /** Whether α_eff ≤ 1.8. */
  public boolean substantivelyHeavy() {
    return alphaEff <= HEAVY_ALPHA;
  }

  /** Whether the Gaussian boundary α = 2 is rejected at level 0.05. */
  public boolean gaussianRejected() {
    return gaussianPValue < GAUSSIAN_LEVEL;
  }
}
