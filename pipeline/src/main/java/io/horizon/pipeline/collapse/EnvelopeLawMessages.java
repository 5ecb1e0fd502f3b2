package io.horizon.pipeline.collapse;

import io.horizon.core.learnability.EnvelopeFits;
import io.horizon.proto.v1.EnvelopeLawFits;

/** The exponential, power and tempered fits of a log envelope (THEORY §7.5) as {@code EnvelopeLawFits}. */
public final class EnvelopeLawMessages {
  private EnvelopeLawMessages() {}

  /** The message of {@code fits}: coefficients, R², the AIC winner, τ, β, τ_max and ℓ* = β τ_max. */
  public static EnvelopeLawFits encode(EnvelopeFits fits) {
    return EnvelopeLawFits.newBuilder()
        .setWinner(fits.winner().toString())
        .setTau(fits.tauEnv())
        .setExponentialR2(fits.exponential().r2())
        .setExponentialIntercept(fits.exponential().coefficient(0))
        .setExponentialSlope(fits.exponential().coefficient(1))
        .setBeta(fits.beta())
        .setPowerR2(fits.power().r2())
        .setPowerIntercept(fits.power().coefficient(0))
        .setTemperedBeta(fits.temperedBeta())
        .setTemperedTauMax(fits.tauMax())
        .setTemperedR2(fits.tempered().r2())
        .setTemperedIntercept(fits.tempered().coefficient(0))
        .setCrossoverLag(fits.crossoverLag())
        .build();
  }
}
