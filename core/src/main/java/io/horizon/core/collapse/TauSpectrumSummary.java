package io.horizon.core.collapse;

import io.horizon.core.learnability.TimescaleSpectrum;

/**
 * The per-checkpoint τ spectrum of the AC analysis (THEORY §11.3 item 1): τ_q capped at the finite-resolution cap
 * (the sequence length T by default), ζ_q = −log τ_q, and the quantiles q01…q99 of τ and ζ with the width
 * Δζ = ζ_q90 − ζ_q10 (taken from {@link TimescaleSpectrum}).
 *
 * @param tau capped τ_q, one per fitted unit
 * @param zeta ζ_q = −log τ_q of the capped τ
 * @param cap the τ cap
 * @param capped number of units whose τ was above the cap
 * @param spectrum quantiles, width and moments of the capped τ
 */
public record TauSpectrumSummary(double[] tau, double[] zeta, double cap, int capped, TimescaleSpectrum spectrum) {
  /** Grid points of the τ density kept with the summary. */
  public static final int KDE_POINTS = 64;

  /** Caps every τ_q at {@code cap} and summarises them; needs at least two τ, each positive (∞ allowed). */
  public static TauSpectrumSummary of(double[] tau, double cap) {
    if (!(cap > 0) || Double.isInfinite(cap)) {
      throw new IllegalArgumentException("tau-cap: must be positive and finite, got " + cap);
    }
    if (tau.length < 2) {
      throw new IllegalArgumentException("tau spectrum: need at least 2 units, got " + tau.length);
    }
    double[] kept = new double[tau.length];
    double[] zeta = new double[tau.length];
    int capped = 0;
    for (int q = 0; q < tau.length; q++) {
      if (!(tau[q] > 0)) {
        throw new IllegalArgumentException("tau spectrum: tau[" + q + "] is " + tau[q] + ", expected positive");
      }
      capped += tau[q] > cap ? 1 : 0;
      kept[q] = Math.min(tau[q], cap);
      zeta[q] = -Math.log(kept[q]);
    }
    return new TauSpectrumSummary(kept, zeta, cap, capped, TimescaleSpectrum.of(kept, KDE_POINTS).orElseThrow());
  }

  /** Δζ = ζ_q90 − ζ_q10 (THEORY §11.3 item 1). */
  public double zetaWidth() {
    return spectrum.zetaWidth();
  }
}
