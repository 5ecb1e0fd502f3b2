package io.horizon.core.learnability;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Scaling-regime classification and the predicted growth law of H_N (THEORY §6.4 table): the exponential, power and
 * logarithmic laws are fitted to (ℓ, log f̂) on the lags ℓ > 1 where all three are defined, the smallest AIC
 * (§7.5) picks the regime, and its decay rate with κ_α gives the growth slope.
 *
 * @param regime the decay class
 * @param law the winning fit
 * @param decayRate λ = −b (exponential) or β = −d (power, logarithmic)
 * @param kappa κ_α used (pooled α, LW-37)
 * @param slope 1/(λκ_α) or 1/(βκ_α); +∞ when the envelope does not decay
 * @param form what the slope multiplies: the growth law in words
 */
public record WindowGrowth(
    ScalingRegime regime, LawFit law, double decayRate, double kappa, double slope, String form) {

  /** Classifies the envelope {@code logF} on {@code lags} and predicts the H_N growth for concentration κ_α. */
  public static WindowGrowth predict(int[] lags, double[] logF, double kappa) {
    int[] keep = IntStream.range(0, lags.length).filter(i -> lags[i] > 1).toArray();
    int[] l = Arrays.stream(keep).map(i -> lags[i]).toArray();
    double[] y = Arrays.stream(keep).mapToDouble(i -> logF[i]).toArray();
    if (l.length < EnvelopeFits.MIN_POINTS) {
      throw new IllegalArgumentException("envelope: need at least " + EnvelopeFits.MIN_POINTS
          + " lags above 1 to classify the scaling regime, got " + l.length);
    }
    LawFit best = null;
    for (EnvelopeLaw candidate : new EnvelopeLaw[] {EnvelopeLaw.EXPONENTIAL, EnvelopeLaw.POWER, EnvelopeLaw.LOGARITHMIC}) {
      LawFit f = LawFit.fit(candidate, l, y);
      if (best == null || f.aic() < best.aic()) {
        best = f;
      }
    }
    double rate = -best.coefficient(1);
    if (!(rate > 0)) {
      return new WindowGrowth(ScalingRegime.NON_DECAYING, best, rate, kappa, Double.POSITIVE_INFINITY,
          "unbounded: the fitted envelope does not decay, so H_N is limited only by the lag grid");
    }
    double slope = 1.0 / (rate * kappa);
    return switch (best.law()) {
      case EXPONENTIAL -> new WindowGrowth(ScalingRegime.EXPONENTIAL, best, rate, kappa, slope,
          "H_N ≈ slope · log N, slope = 1/(λ κ_α)");
      case POWER -> new WindowGrowth(ScalingRegime.POLYNOMIAL, best, rate, kappa, slope,
          "H_N ∝ N^slope (slope of log H_N vs log N), slope = 1/(β κ_α)");
      default -> new WindowGrowth(ScalingRegime.LOGARITHMIC, best, rate, kappa, slope,
          "log H_N ∝ N^slope, slope = 1/(β κ_α)");
    };
  }
}
