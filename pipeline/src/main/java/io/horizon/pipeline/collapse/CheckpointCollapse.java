package io.horizon.pipeline.collapse;

import io.horizon.core.collapse.BetaBootstrap;
import io.horizon.core.collapse.CcdfTailFit;
import io.horizon.core.collapse.CollapsePhase;
import io.horizon.core.collapse.LaplaceEnvelope;
import io.horizon.core.collapse.PhaseClassifier;
import io.horizon.core.collapse.PowerLawWindowGate;
import io.horizon.core.collapse.RunsTest;
import io.horizon.core.collapse.TauSpectrumSummary;
import io.horizon.core.learnability.EnvelopeFits;
import io.horizon.core.learnability.UnitTimescales;
import io.horizon.pipeline.campaign.CollapseSettings;
import io.horizon.proto.v1.CollapseDiagnosis;
import java.util.Arrays;
import java.util.Optional;

/**
 * One checkpoint's anti-collapse diagnosis (THEORY §11.3 items 1–7) from what the diagnostic pass produces:
 * per-unit decay rates by the AC fit of §7.4 of the pass's per-unit mean of log|μ| over the settings' lag window,
 * the τ spectrum capped at T with its quantiles, β̂ from the CCDF tail with its bootstrap, the Laplace envelope f_τ
 * with its fits and β_env, the power-law-window gate on f_τ, the fits of the measured envelope and the phase label.
 */
public final class CheckpointCollapse {
  private CheckpointCollapse() {}

  /**
   * The diagnosis of a checkpoint with lag grid {@code lags}, per-unit mean of log|μ| {@code unitLogMean[lag][unit]}
   * (rows outside the settings' window are not read and may be null), log envelope {@code fLogMean} and sequence
   * length {@code length} (the τ cap).
   */
  public static CollapseDiagnosis diagnose(CollapseSettings settings, int[] lags, double[][] unitLogMean,
      double[] fLogMean, int length) {
    UnitTimescales rates =
        UnitTimescales.fitMeanOfLog(lags, unitLogMean, settings.windowFrom(), settings.windowTo());
    int units = rates.totalUnits();
    CollapseDiagnosis.Builder b = CollapseDiagnosis.newBuilder().setWindowFrom(settings.windowFrom())
        .setWindowTo(settings.windowTo()).setUnits(units).setTauCap(length)
        .setMacroFits(EnvelopeLawMessages.encode(EnvelopeFits.fit(lags, fLogMean)));
    double[] zeta = new double[units];
    Arrays.fill(zeta, Double.NaN);
    if (rates.fitted() < 2) {
      return unresolved(b, zeta);
    }
    TauSpectrumSummary spectrum = TauSpectrumSummary.of(rates.tau(), length);
    for (int i = 0; i < rates.fitted(); i++) {
      zeta[rates.units()[i]] = spectrum.zeta()[i];
    }
    b.setCapped(spectrum.capped()).setZetaWidth(spectrum.zetaWidth());
    Arrays.stream(zeta).forEach(b::addZeta);
    Arrays.stream(spectrum.spectrum().tauQuantiles()).forEach(b::addTauQuantiles);
    Arrays.stream(spectrum.spectrum().zetaQuantiles()).forEach(b::addZetaQuantiles);
    Optional<CcdfTailFit> tail = CcdfTailFit.fit(spectrum.tau(), settings.qMin(), settings.qMax());
    Optional<BetaBootstrap> bootstrap =
        BetaBootstrap.of(spectrum.tau(), settings.resamples(), settings.seed(), settings.qMin(), settings.qMax());
    tail(b, tail);
    bootstrap(b, bootstrap);
    LaplaceEnvelope laplace = LaplaceEnvelope.of(spectrum.tau(), lags);
    Arrays.stream(lags).forEach(b::addEnvelopeLags);
    Arrays.stream(laplace.logF()).forEach(b::addEnvelopeLogF);
    b.setLaplaceFits(EnvelopeLawMessages.encode(laplace.fits()));
    PowerLawWindowGate gate = PowerLawWindowGate.of(lags, laplace.logF(), laplace.fits());
    b.setGatePassed(gate.passed()).setGateWindowEnd(gate.windowEnd()).setGateWindowPoints(gate.windowPoints())
        .setGateLocalBeta(gate.localBeta())
        .setGateRunsP(gate.localRuns().map(RunsTest::pValue).orElse(Double.NaN))
        .setGateExponentialRunsP(gate.exponentialRuns().pValue());
    CollapsePhase phase =
        PhaseClassifier.classify(PhaseClassifier.collapsed(Optional.of(gate), laplace.fits()), tail, bootstrap);
    return b.setPhase(phase.toString()).setPhaseCode(phase.ordinal()).build();
  }

  /** The phase of a code written by {@link #diagnose}. */
  public static CollapsePhase phase(CollapseDiagnosis diagnosis) {
    CollapsePhase[] phases = CollapsePhase.values();
    int code = diagnosis.getPhaseCode();
    if (code < 0 || code >= phases.length) {
      throw new IllegalArgumentException("collapse.phaseCode: " + code + " is not a phase code");
    }
    return phases[code];
  }

  /** Fewer than two units decay inside the window: no spectrum, so β cannot be resolved. */
  private static CollapseDiagnosis unresolved(CollapseDiagnosis.Builder b, double[] zeta) {
    Arrays.stream(zeta).forEach(b::addZeta);
    tail(b, Optional.empty());
    bootstrap(b, Optional.empty());
    CollapsePhase phase = CollapsePhase.ANTI_COLLAPSED_UNRESOLVED;
    return b.setZetaWidth(Double.NaN).setGateWindowEnd(Double.NaN).setGateLocalBeta(Double.NaN)
        .setGateRunsP(Double.NaN).setGateExponentialRunsP(Double.NaN).setPhase(phase.toString())
        .setPhaseCode(phase.ordinal()).build();
  }

  private static void tail(CollapseDiagnosis.Builder b, Optional<CcdfTailFit> tail) {
    b.setCcdfFitted(tail.isPresent()).setBeta(tail.map(CcdfTailFit::beta).orElse(Double.NaN))
        .setBetaR2(tail.map(CcdfTailFit::r2).orElse(Double.NaN)).setCcdfPoints(tail.map(CcdfTailFit::points).orElse(0));
  }

  private static void bootstrap(CollapseDiagnosis.Builder b, Optional<BetaBootstrap> boot) {
    b.setBootstrapped(boot.isPresent()).setBetaMedian(boot.map(BetaBootstrap::median).orElse(Double.NaN))
        .setBetaLo(boot.map(BetaBootstrap::lo).orElse(Double.NaN))
        .setBetaHi(boot.map(BetaBootstrap::hi).orElse(Double.NaN))
        .setBetaBelowOne(boot.map(BetaBootstrap::probBelowOne).orElse(Double.NaN))
        .setBetaStd(boot.map(BetaBootstrap::std).orElse(Double.NaN));
  }
}
