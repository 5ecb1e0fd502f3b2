package io.horizon.core.coupling;

import io.horizon.core.learnability.Quantiles;
import io.horizon.core.model.LeakyStepJacobians;
import io.horizon.core.random.Rng;

/**
 * S1 of THEORY §10.2 for one checkpoint: the lag-conditioned sensitivity profile
 * {@code μ̃_eff(h) = median_{t−k=h} S_{t,k} / median_{t−k=1} S_{t,k}}, the zeroth-order overlay
 * {@code μ̃^{(0)}(h) = P̄(h)/P̄(1)} (P̄ the lag-wise median predictor, {@link SensitivityPairs}), the slope s with R²
 * ({@link SlopeFit}) and the fitted overlay {@code (P̄(h)/P̄(1))^s}.
 *
 * @param lags h = 1 … T−1
 * @param effective μ̃_eff(h)
 * @param predictorMedian P̄(h)
 * @param zerothOrder μ̃^{(0)}(h); NaN for the plain RNN (s = 1), whose predictor is 0
 * @param slope the slope fit, null with fewer than {@link SlopeFit#MIN_PAIRS} usable pairs
 * @param fitted the fitted overlay, null when {@code slope} is
 */
public record SensitivityProfile(int[] lags, double[] effective, double[] predictorMedian, double[] zerothOrder,
    SlopeFit slope, double[] fitted) {

  /** The profile of the windows of {@code jacobians} (a probe batch at one checkpoint); {@code seed} seeds the starts. */
  public static SensitivityProfile measure(LeakyStepJacobians jacobians, long seed) {
    return measure(jacobians, SpectralNorm.ITERATIONS, seed);
  }

  /** {@link #measure(LeakyStepJacobians, long)} with {@code iterations} power iterations per spectral norm. */
  public static SensitivityProfile measure(LeakyStepJacobians jacobians, int iterations, long seed) {
    SensitivityPairs pairs =
        SensitivityPairs.collect(jacobians, iterations, new Rng(Rng.derive(seed, "coupling/s1")));
    int maxLag = jacobians.length() - 1;
    int[] lags = new int[maxLag];
    double[] sensitivityMedian = new double[maxLag];
    double[] predictorMedian = new double[maxLag];
    for (int h = 1; h <= maxLag; h++) {
      lags[h - 1] = h;
      sensitivityMedian[h - 1] = Quantiles.median(pairs.atLag(pairs.sensitivity, h));
      predictorMedian[h - 1] = Quantiles.median(pairs.atLag(pairs.predictor, h));
    }
    double[] effective = normalised(sensitivityMedian);
    double[] zerothOrder = normalised(predictorMedian);
    SlopeFit slope = SlopeFit.fit(pairs.sensitivity, pairs.predictor);
    double[] fitted = null;
    if (slope != null) {
      fitted = new double[maxLag];
      for (int i = 0; i < maxLag; i++) {
        fitted[i] = Math.pow(zerothOrder[i], slope.slope());
      }
    }
    return new SensitivityProfile(lags, effective, predictorMedian, zerothOrder, slope, fitted);
  }

  /** This profile as the heatmap row of {@code checkpoint}. */
  public HeatmapRow heatmapRow(long checkpoint) {
    return new HeatmapRow(checkpoint, lags.clone(), effective.clone());
  }

  /** {@code values / values[0]} (the lag-1 normalisation of THEORY §10.2). */
  private static double[] normalised(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] / values[0];
    }
    return out;
  }
}
