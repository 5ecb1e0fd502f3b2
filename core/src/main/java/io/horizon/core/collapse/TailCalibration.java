package io.horizon.core.collapse;

import io.horizon.core.learnability.Quantiles;
import io.horizon.core.random.Rng;
import io.horizon.core.stable.StableSampler;
import java.util.Arrays;

/**
 * The matched-n calibration curve of the moment estimator on synthetic SαS draws (THEORY §11.3 item 10): for each
 * α of a grid on [1, 2], the median γ̂ of {@code replicates} samples of n SαS(α, 1) draws (CMS, {@link
 * StableSampler}); inverting it maps a raw γ̂ to a bias-corrected α_eff. The γ̂ of the Gaussian (α = 2) replicates
 * are kept as the null law of the Gaussian-boundary test. Build it once per n and reuse it across checkpoints.
 *
 * @param size n, the sample size it matches
 * @param k the moment estimator's k for that n
 * @param alphas the α grid, ascending
 * @param medianGamma median γ̂ at each α, made non-increasing in α
 * @param gaussianGammas γ̂ of the α = 2 replicates, ascending
 */
public record TailCalibration(int size, int k, double[] alphas, double[] medianGamma, double[] gaussianGammas) {
  /** Default calibration replicates per α (THEORY §11.3 item 10). */
  public static final int DEFAULT_REPLICATES = 200;
  /** Spacing of the α grid on [1, 2]. */
  public static final double ALPHA_STEP = 0.1;

  /** The calibration for samples of {@code size} with the default k, seeded by {@code seed}. */
  public static TailCalibration build(int size, int replicates, long seed) {
    if (replicates < 1) {
      throw new IllegalArgumentException("calibration-replicates: must be at least 1, got " + replicates);
    }
    int k = MomentEstimator.defaultK(size);
    int points = (int) Math.round(1 / ALPHA_STEP) + 1;
    double[] alphas = new double[points];
    double[] median = new double[points];
    double[] gaussian = new double[replicates];
    double[] draws = new double[size];
    double[] gammas = new double[replicates];
    for (int a = 0; a < points; a++) {
      alphas[a] = 1 + a * ALPHA_STEP;
      StableSampler sampler = StableSampler.symmetric(alphas[a], 1);
      Rng rng = new Rng(Rng.derive(seed, "collapse/tail-calibration/" + a));
      for (int r = 0; r < replicates; r++) {
        for (int i = 0; i < size; i++) {
          draws[i] = sampler.sample(rng);
        }
        gammas[r] = MomentEstimator.gamma(draws, k);
      }
      Arrays.sort(gammas);
      median[a] = Quantiles.ofSorted(gammas, 0.5);
      if (a > 0) {
        median[a] = Math.min(median[a], median[a - 1]);
      }
    }
    System.arraycopy(gammas, 0, gaussian, 0, replicates);
    return new TailCalibration(size, k, alphas, median, gaussian);
  }

  /**
   * α_eff for a raw γ̂: linear interpolation of the inverted curve, clamped to the grid (γ̂ above the curve at
   * α = 1 gives 1, below it at α = 2 gives 2).
   */
  public double alphaFor(double gamma) {
    int last = alphas.length - 1;
    if (gamma >= medianGamma[0]) {
      return alphas[0];
    }
    if (gamma <= medianGamma[last]) {
      return alphas[last];
    }
    int i = 0;
    while (medianGamma[i + 1] > gamma) {
      i++;
    }
    double span = medianGamma[i] - medianGamma[i + 1];
    double frac = span > 0 ? (medianGamma[i] - gamma) / span : 0;
    return alphas[i] + frac * (alphas[i + 1] - alphas[i]);
  }

  /** One-sided p of the Gaussian-boundary test: the share of α = 2 replicates with γ̂ at least {@code gamma}. */
  public double gaussianPValue(double gamma) {
    int atLeast = 0;
    for (double g : gaussianGammas) {
      atLeast += g >= gamma ? 1 : 0;
    }
    return (atLeast + 1.0) / (gaussianGammas.length + 1.0);
  }
}
