package io.horizon.core.learnability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.kernel.LagGrid;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Envelope and per-unit fits on noiseless envelopes of known form (THEORY §7.4–7.5, §12.1). */
class EnvelopeFitsTest {
  private static final int[] LAGS = LagGrid.parse(LagGrid.DEFAULT);

  private static double[] logEnvelope(IntToDoubleFunction logF) {
    double[] out = new double[LAGS.length];
    for (int i = 0; i < LAGS.length; i++) {
      out[i] = logF.applyAsDouble(LAGS[i]);
    }
    return out;
  }

  /** §12.1: the ConstGate envelope (1−s)^ℓ gives τ = −1/log(1−s) with R² = 1, envelope-wide and per unit. */
  @Test
  void constGateEnvelopeGivesClosedFormTimeScale() {
    double s = 0.05;
    double tau = -1 / Math.log(1 - s);
    double[] logF = logEnvelope(l -> l * Math.log(1 - s));
    EnvelopeFits fits = EnvelopeFits.fit(LAGS, logF);
    assertEquals(tau, fits.tauEnv(), 1e-10 * tau);
    assertEquals(1.0, fits.exponential().r2(), 1e-12);
    assertEquals(EnvelopeLaw.EXPONENTIAL, fits.winner());

    int units = 3;
    double[][] profile = new double[LAGS.length][units];
    for (int i = 0; i < LAGS.length; i++) {
      java.util.Arrays.fill(profile[i], Math.pow(1 - s, LAGS[i]));
    }
    UnitTimescales perUnit = UnitTimescales.fitLogOfMean(LAGS, profile);
    assertEquals(units, perUnit.fitted());
    for (int q = 0; q < units; q++) {
      assertEquals(tau, perUnit.tau()[q], 1e-10 * tau);
      assertEquals(1.0, perUnit.r2()[q], 1e-12);
    }
  }

  /** §12.1: the power fit of ℓ^{−β} returns β, and AIC prefers it. */
  @Test
  void powerEnvelopeGivesItsExponent() {
    double beta = 0.8;
    EnvelopeFits fits = EnvelopeFits.fit(LAGS, logEnvelope(l -> -beta * Math.log(l)));
    assertEquals(beta, fits.beta(), 1e-10);
    assertEquals(1.0, fits.power().r2(), 1e-12);
    assertEquals(EnvelopeLaw.POWER, fits.winner());
  }

  /** The tempered fit recovers A ℓ^{−β} e^{−ℓ/τ} and ℓ* = βτ, and AIC prefers it over its two special cases. */
  @Test
  void temperedEnvelopeIsRecoveredAndChosen() {
    double amplitude = 2.5;
    double beta = 0.6;
    double tau = 90;
    EnvelopeFits fits =
        EnvelopeFits.fit(LAGS, logEnvelope(l -> Math.log(amplitude) - beta * Math.log(l) - l / tau));
    assertEquals(Math.log(amplitude), fits.tempered().coefficient(0), 1e-9);
    assertEquals(beta, fits.temperedBeta(), 1e-9);
    assertEquals(tau, fits.tauMax(), 1e-7 * tau);
    assertEquals(beta * tau, fits.crossoverLag(), 1e-7 * beta * tau);
    assertEquals(EnvelopeLaw.TEMPERED, fits.winner());
    assertTrue(fits.exponential().r2() < 1 - 1e-4 && fits.power().r2() < 1 - 1e-4);
  }

  @Test
  void nonDecayingFitsGiveInfiniteTimeScalesAndNoCrossover() {
    EnvelopeFits fits = EnvelopeFits.fit(LAGS, logEnvelope(l -> 0.3 * Math.log(l) + 1e-3 * l));
    assertEquals(Double.POSITIVE_INFINITY, fits.tauEnv());
    assertEquals(Double.POSITIVE_INFINITY, fits.tauMax());
    assertEquals(0.0, fits.crossoverLag());
    assertEquals(Double.POSITIVE_INFINITY, UnitTimescales.timeScale(0.0));
  }

  @Test
  void tooFewLagsOrNarrowWindowsAreRejectedByName() {
    int[] lags = {4, 8, 16, 32};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EnvelopeFits.fit(lags, new double[] {-1, -2, -3, -4}));
    assertTrue(e.getMessage().startsWith("envelope:"), e.getMessage());
    IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
        () -> UnitTimescales.fitMeanOfLog(LAGS, new double[LAGS.length][2], 64, 66));
    assertTrue(w.getMessage().startsWith("ac-window:"), w.getMessage());
    double[] logF = logEnvelope(l -> -0.01 * l);
    logF[3] = Double.NaN;
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> EnvelopeFits.fit(LAGS, logF));
    assertTrue(nan.getMessage().contains("log f at lag " + LAGS[3] + " is NaN"), nan.getMessage());
    double[][] profile = new double[LAGS.length][1];
    profile[2][0] = Double.NaN;
    IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
        () -> UnitTimescales.fitLogOfMean(LAGS, profile));
    assertTrue(unit.getMessage().startsWith("unit profile: [2][0] is NaN"), unit.getMessage());
    IllegalArgumentException tau = assertThrows(IllegalArgumentException.class,
        () -> TimescaleSpectrum.of(new double[] {3, Double.NaN, 5}, 10));
    assertTrue(tau.getMessage().startsWith("tau spectrum: tau[1] is NaN"), tau.getMessage());
  }

  /** A log f̂ of −∞ (f̂ = 0) is skipped, as THEORY §7.5 fits finite values only. */
  @Test
  void zeroEnvelopeValuesAreSkipped() {
    double[] logF = logEnvelope(l -> -0.02 * l);
    logF[LAGS.length - 1] = Double.NEGATIVE_INFINITY;
    EnvelopeFits fits = EnvelopeFits.fit(LAGS, logF);
    assertEquals(LAGS.length - 1, fits.exponential().fit().points());
    assertEquals(50, fits.tauEnv(), 1e-9);
  }
}
