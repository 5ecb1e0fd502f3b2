package io.horizon.core.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.random.Rng;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The τ spectrum statistics on Pareto spectra P(τ &gt; x) = x^{−β}, x ≥ 1 (THEORY §11.3 items 1–4, §12.8). */
class TauSpectrumTest {

  /** n draws τ = U^{−1/β}, so that P(τ &gt; x) = x^{−β} for x ≥ 1. */
  static double[] paretoSpectrum(double beta, int n, long seed) {
    Rng rng = new Rng(seed);
    double[] tau = new double[n];
    for (int i = 0; i < n; i++) {
      tau[i] = Math.pow(1 - rng.uniform(), -1 / beta);
    }
    return tau;
  }

  /** §12.8: the CCDF fit recovers β. */
  @Test
  void ccdfFitRecoversBeta() {
    for (double beta : new double[] {0.5, 1.0, 1.8}) {
      CcdfTailFit fit = CcdfTailFit.fit(paretoSpectrum(beta, 20_000, 7)).orElseThrow();
      assertEquals(beta, fit.beta(), 0.05 * beta, "beta " + beta);
      assertTrue(fit.r2() > 0.99);
      assertTrue(fit.points() >= CcdfTailFit.MIN_POINTS);
    }
  }

  /** §12.8: (1/n) Σ e^{−ℓ/τ_q} has log–log slope ≈ −β for ℓ ≫ 1. */
  @Test
  void laplaceEnvelopeHasSlopeMinusBeta() {
    int[] lags = IntStream.rangeClosed(1, 32).map(i -> 16 * i).toArray();
    for (double beta : new double[] {0.5, 1.2}) {
      LaplaceEnvelope envelope = LaplaceEnvelope.of(paretoSpectrum(beta, 200_000, 11), lags);
      assertEquals(beta, envelope.fits().beta(), 0.05 * beta, "beta " + beta);
      assertTrue(envelope.fits().power().r2() > 0.99);
    }
  }

  /** f_τ of a single time scale is e^{−ℓ/τ} exactly, also where it underflows as a plain sum. */
  @Test
  void laplaceEnvelopeOfOneTimeScaleIsExponential() {
    double tau = 0.5;
    int[] lags = IntStream.rangeClosed(1, 20).map(i -> 100 * i).toArray();
    LaplaceEnvelope envelope = LaplaceEnvelope.of(new double[] {tau, tau}, lags);
    for (int i = 0; i < lags.length; i++) {
      assertEquals(-lags[i] / tau, envelope.logF()[i], 1e-12 * lags[i] / tau);
    }
    assertEquals(tau, envelope.fits().tauEnv(), 1e-9);
  }

  /** The bootstrap interval brackets the true β and is seeded. */
  @Test
  void bootstrapBracketsBetaAndRepeats() {
    double beta = 0.7;
    double[] tau = paretoSpectrum(beta, 2000, 3);
    BetaBootstrap boot = BetaBootstrap.of(tau, BetaBootstrap.DEFAULT_RESAMPLES, BetaBootstrap.DEFAULT_SEED)
        .orElseThrow();
    assertTrue(boot.lo() < beta && beta < boot.hi(), boot.toString());
    assertTrue(boot.lo() <= boot.median() && boot.median() <= boot.hi());
    assertEquals(1.0, boot.probBelowOne(), 0.01);
    assertEquals(BetaBootstrap.DEFAULT_RESAMPLES, boot.replicates());
    assertEquals(boot, BetaBootstrap.of(tau, BetaBootstrap.DEFAULT_RESAMPLES, BetaBootstrap.DEFAULT_SEED)
        .orElseThrow());
  }

  @Test
  void tooFewTimeScalesGiveNoTailFit() {
    assertTrue(CcdfTailFit.fit(paretoSpectrum(1, CcdfTailFit.MIN_TAUS - 1, 1)).isEmpty());
    assertTrue(BetaBootstrap.of(new double[] {2, 3, 4}, 10, 1).isEmpty());
  }

  /** §11.3 item 1: τ capped at T, ζ = −log τ, Δζ = ζ_q90 − ζ_q10. */
  @Test
  void summaryCapsAndTakesLogRates() {
    double cap = 1280;
    double[] tau = new double[101];
    for (int i = 0; i < tau.length; i++) {
      tau[i] = Math.exp(i / 10.0);
    }
    TauSpectrumSummary summary = TauSpectrumSummary.of(tau, cap);
    long above = java.util.Arrays.stream(tau).filter(t -> t > cap).count();
    assertEquals(above, summary.capped());
    assertEquals(cap, summary.spectrum().max());
    assertEquals(-Math.log(cap), summary.zeta()[100], 1e-12);
    // 29 capped units put ζ_q10 at −log T; ζ_q90 is the 90th of 101 ascending ζ, the uncapped −log e^{1.0}
    assertEquals(29, above);
    assertEquals(Math.log(cap) - 1.0, summary.zetaWidth(), 1e-12);
    ExpectedErrors.illegalArgument(() -> TauSpectrumSummary.of(new double[] {1, -2}, cap), "tau spectrum", "tau[1]");
    ExpectedErrors.illegalArgument(() -> TauSpectrumSummary.of(tau, 0), "tau-cap");
  }
}
