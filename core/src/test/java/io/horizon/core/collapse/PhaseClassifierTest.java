package io.horizon.core.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.learnability.EnvelopeFits;
import io.horizon.core.learnability.EnvelopeLaw;
import io.horizon.core.random.Rng;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The power-law-window gate, the phase rule and the threshold crossing on constructed inputs (§11.3 items 6–8). */
class PhaseClassifierTest {
  private static final int[] LAGS = IntStream.rangeClosed(1, 128).map(i -> 4 + 3 * (i - 1)).toArray();

  private static double[] envelope(IntToDoubleFunction logF) {
    return IntStream.range(0, LAGS.length).mapToDouble(i -> logF.applyAsDouble(LAGS[i])).toArray();
  }

  private static PowerLawWindowGate gate(double[] logF) {
    return PowerLawWindowGate.of(LAGS, logF, EnvelopeFits.fit(LAGS, logF));
  }

  @Test
  void exponentialEnvelopeFailsTheGate() {
    PowerLawWindowGate g = gate(envelope(l -> -l / 40.0));
    assertEquals(EnvelopeLaw.EXPONENTIAL, g.winner());
    assertFalse(g.passed());
    assertEquals(1.0, g.exponentialR2(), 1e-12);
    assertTrue(PhaseClassifier.collapsed(Optional.of(g), EnvelopeFits.fit(LAGS, envelope(l -> -l / 40.0))));
  }

  @Test
  void noisyPowerLawPassesOverEveryLag() {
    Rng rng = new Rng(5);
    PowerLawWindowGate g = gate(envelope(l -> -0.7 * Math.log(l) + 0.01 * rng.gaussian()));
    assertEquals(EnvelopeLaw.POWER, g.winner());
    assertTrue(g.passed(), g.toString());
    assertEquals(LAGS.length, g.windowPoints());
    assertEquals(0.7, g.localBeta(), 0.01);
    assertTrue(g.aboveCrossover().isEmpty());
  }

  @Test
  void temperedEnvelopeUsesTheWindowBelowTheCrossover() {
    double beta = 0.8;
    double tauMax = 200;
    PowerLawWindowGate g = gate(envelope(l -> -beta * Math.log(l) - l / tauMax));
    assertEquals(EnvelopeLaw.TEMPERED, g.winner());
    assertEquals(beta * tauMax, g.windowEnd(), 1e-6 * beta * tauMax);
    assertEquals(IntStream.of(LAGS).filter(l -> l <= beta * tauMax).count(), g.windowPoints());
    assertTrue(g.bendsBelowBeyondCrossover(), "the cut-off pulls the envelope below the local power law");
    assertEquals(g.aboveCrossover().orElseThrow().count(), g.aboveCrossover().orElseThrow().negatives());
  }

  @Test
  void curvedResidualsFailTheRunsTest() {
    PowerLawWindowGate g = gate(envelope(l -> -0.5 * Math.log(l) + 0.3 * Math.sin(l / 40.0)));
    assertTrue(g.localRuns().orElseThrow().pValue() < PowerLawWindowGate.RUNS_LEVEL, g.toString());
    assertFalse(g.passed());
  }

  @Test
  void flatEnvelopeFailsOnItsLocalExponent() {
    Rng rng = new Rng(9);
    PowerLawWindowGate g = gate(envelope(l -> -0.05 * Math.log(l) + 1e-3 * rng.gaussian()));
    assertTrue(g.localBeta() < PowerLawWindowGate.MIN_LOCAL_BETA);
    assertFalse(g.passed());
  }

  @Test
  void eachPhaseFollowsTheRule() {
    Optional<CcdfTailFit> good = Optional.of(new CcdfTailFit(1.0, -1.0, 0.95, 20, 500));
    Optional<CcdfTailFit> poor = Optional.of(new CcdfTailFit(1.0, -1.0, 0.85, 20, 500));
    Optional<BetaBootstrap> high = Optional.of(new BetaBootstrap(1.4, 1.1, 1.7, 0.0, 0.2, 2000));
    Optional<BetaBootstrap> low = Optional.of(new BetaBootstrap(0.6, 0.4, 0.9, 1.0, 0.2, 2000));
    Optional<BetaBootstrap> straddling = Optional.of(new BetaBootstrap(1.0, 0.8, 1.2, 0.5, 0.2, 2000));
    assertEquals(CollapsePhase.COLLAPSED, PhaseClassifier.classify(true, good, high));
    assertEquals(CollapsePhase.ANTI_COLLAPSED_UNRESOLVED, PhaseClassifier.classify(false, poor, high));
    assertEquals(CollapsePhase.ANTI_COLLAPSED_UNRESOLVED, PhaseClassifier.classify(false, Optional.empty(), high));
    assertEquals(CollapsePhase.ANTI_COLLAPSED_UNRESOLVED, PhaseClassifier.classify(false,
        Optional.of(new CcdfTailFit(0, 0, Double.NaN, 8, 16)), high));
    assertEquals(CollapsePhase.CONCENTRATED, PhaseClassifier.classify(false, good, high));
    assertEquals(CollapsePhase.BROAD, PhaseClassifier.classify(false, good, low));
    assertEquals(CollapsePhase.BOUNDARY, PhaseClassifier.classify(false, good, straddling));
    assertEquals(CollapsePhase.BOUNDARY, PhaseClassifier.classify(false, good, Optional.empty()));
  }

  /** End to end from Pareto spectra: β = 0.5 is broad and β = 2 concentrated (no gate: AIC fallback). */
  @Test
  void paretoSpectraClassifyByTheirExponent() {
    int[] lags = IntStream.rangeClosed(1, 32).map(i -> 16 * i).toArray();
    for (double beta : new double[] {0.5, 2.0}) {
      double[] tau = TauSpectrumTest.paretoSpectrum(beta, 4000, 21);
      LaplaceEnvelope env = LaplaceEnvelope.of(tau, lags);
      CollapsePhase phase = PhaseClassifier.classify(PhaseClassifier.collapsed(Optional.empty(), env.fits()),
          CcdfTailFit.fit(tau), BetaBootstrap.of(tau, 500, 1));
      assertEquals(beta < 1 ? CollapsePhase.BROAD : CollapsePhase.CONCENTRATED, phase, "beta " + beta);
    }
  }

  @Test
  void thresholdCrossingNeedsTwoConsecutiveAntiCollapsedCheckpoints() {
    CollapsePhase c = CollapsePhase.COLLAPSED;
    CollapsePhase b = CollapsePhase.BROAD;
    CollapsePhase u = CollapsePhase.ANTI_COLLAPSED_UNRESOLVED;
    int[] epochs = {1, 40, 80, 120, 160};
    assertEquals(new ThresholdCrossing(OptionalInt.of(120), false, false),
        ThresholdCrossing.of(epochs, new CollapsePhase[] {c, b, c, u, b}));
    assertEquals(new ThresholdCrossing(OptionalInt.of(1), true, false),
        ThresholdCrossing.of(epochs, new CollapsePhase[] {b, b, c, c, c}));
    assertEquals(new ThresholdCrossing(OptionalInt.empty(), false, true),
        ThresholdCrossing.of(epochs, new CollapsePhase[] {c, b, c, c, b}));
    ExpectedErrors.illegalArgument(() -> ThresholdCrossing.of(new int[] {1, 1}, new CollapsePhase[] {c, c}),
        "epochs", "[1]");
  }
}
