package io.horizon.cli.report;

import io.horizon.core.collapse.SlowModeTailIndex;
import io.horizon.core.learnability.TimescaleSpectrum;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.EnvelopeLawFits;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.SlowModeTail;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The anti-collapse figures (THEORY §11.3), drawn only when the reports carry a collapse diagnosis: β̂ over the
 * checkpoints of every run with its bootstrap interval and the phase of each checkpoint as coloured markers; the
 * τ-spectrum quantiles of the last checkpoint; the last Laplace envelope f_τ with its exponential, power and
 * tempered fits; and, when some checkpoint has one, the slow-mode tail index α_eff over the checkpoints of every run
 * with its bootstrap interval.
 */
final class CollapsePlots {
  /** Colours of the phase codes 0 … 4: collapsed, unresolved, concentrated, broad, boundary. */
  private static final Color[] PHASE_COLORS = {new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x1f77b4),
      new Color(0xd62728), new Color(0x9467bd)};
  /** Legend names of the phase codes. */
  private static final String[] PHASE_NAMES =
      {"collapsed", "anti-collapsed (unresolved β)", "concentrated", "broad", "boundary"};

  private CollapsePlots() {}

  /** The figures from every report (β̂ over checkpoints) and the last report of each run; empty without data. */
  static List<Plot> of(List<LearnabilityReport> all, List<LearnabilityReport> finals, RunStyles styles) {
    if (all.stream().noneMatch(LearnabilityReport::hasCollapse)) {
      return List.of();
    }
    List<LearnabilityReport> last = finals.stream().filter(LearnabilityReport::hasCollapse).toList();
    Map<String, List<LearnabilityReport>> runs = byRun(all);
    List<Plot> plots = new ArrayList<>(
        List.of(betaOverCheckpoints(runs, styles), quantiles(last, styles), laplace(last, styles)));
    if (all.stream().anyMatch(r -> r.getCollapse().getSlowModeTail().getEstimated())) {
      plots.add(slowAlpha(runs, styles));
    }
    return plots;
  }

  /** The reports with a diagnosis, by run in order of first appearance, each run's in epoch order. */
  private static Map<String, List<LearnabilityReport>> byRun(List<LearnabilityReport> all) {
    Map<String, List<LearnabilityReport>> runs = new LinkedHashMap<>();
    all.stream().filter(LearnabilityReport::hasCollapse).sorted(Comparator.comparingInt(LearnabilityReport::getEpoch))
        .forEach(r -> runs.computeIfAbsent(r.getRunId(), k -> new ArrayList<>()).add(r));
    return runs;
  }

  private static Plot betaOverCheckpoints(Map<String, List<LearnabilityReport>> runs, RunStyles styles) {
    XyFigure f = new XyFigure("β̂ of the τ spectrum over training, with phase", "epoch", "β̂ (CCDF tail)",
        false, false);
    double floor = Double.POSITIVE_INFINITY;
    for (Map.Entry<String, List<LearnabilityReport>> run : runs.entrySet()) {
      List<LearnabilityReport> reports = run.getValue();
      String label = styles.label(run.getKey());
      Color color = styles.color(run.getKey());
      f.line(label, series(reports, CollapseDiagnosis::getBeta), color);
      f.dashed(label + " 5%", series(reports, CollapseDiagnosis::getBetaLo), color);
      f.dashed(label + " 95%", series(reports, CollapseDiagnosis::getBetaHi), color);
      for (LearnabilityReport r : reports) {
        floor = Math.min(floor, finiteOr(r.getCollapse().getBetaLo(), finiteOr(r.getCollapse().getBeta(), 0)));
      }
    }
    double band = Double.isFinite(floor) ? Math.min(0, floor) - 0.05 : -0.05;
    for (int code = 0; code < PHASE_NAMES.length; code++) {
      List<double[]> points = new ArrayList<>();
      for (List<LearnabilityReport> reports : runs.values()) {
        for (LearnabilityReport r : reports) {
          if (r.getCollapse().getPhaseCode() == code) {
            points.add(new double[] {r.getEpoch(), band});
          }
        }
      }
      if (!points.isEmpty()) {
        f.triangles("phase: " + PHASE_NAMES[code], new Curve(points.stream().mapToDouble(p -> p[0]).toArray(),
            points.stream().mapToDouble(p -> p[1]).toArray()), PHASE_COLORS[code]);
      }
    }
    return f.render("collapse-beta.png", "β̂ of the upper tail of the τ-spectrum CCDF per checkpoint (THEORY §11.3 "
        + "item 2, solid) with the 90% bootstrap percentile interval over units (item 3, dashed); the triangles "
        + "along the bottom give each checkpoint's phase (item 7) in its colour. Checkpoints without a CCDF fit "
        + "have no β̂ point.");
  }

  private static Plot slowAlpha(Map<String, List<LearnabilityReport>> runs, RunStyles styles) {
    XyFigure f = new XyFigure("Slow-mode forcing tail index α_eff over training", "epoch",
        "α_eff (slow-row increments)", false, false);
    double first = Double.POSITIVE_INFINITY;
    double lastEpoch = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, List<LearnabilityReport>> run : runs.entrySet()) {
      List<LearnabilityReport> reports = run.getValue();
      if (reports.stream().noneMatch(r -> r.getCollapse().getSlowModeTail().getEstimated())) {
        continue;
      }
      String label = styles.label(run.getKey());
      Color color = styles.color(run.getKey());
      f.line(label, series(reports, estimated(SlowModeTail::getAlphaEff)), color);
      f.dashed(label + " 5%", series(reports, estimated(SlowModeTail::getAlphaLo)), color);
      f.dashed(label + " 95%", series(reports, estimated(SlowModeTail::getAlphaHi)), color);
      first = Math.min(first, reports.get(0).getEpoch());
      lastEpoch = Math.max(lastEpoch, reports.get(reports.size() - 1).getEpoch());
    }
    double heavy = SlowModeTailIndex.HEAVY_ALPHA;
    f.plainLine("heavy at or below " + heavy, new Curve(new double[] {first, lastEpoch}, new double[] {heavy, heavy}),
        Color.GRAY);
    return f.render("collapse-slow-alpha.png", "Tail index α_eff of the realised parameter increments on the slow "
        + "units' recurrent rows over the steps since the previous checkpoint (THEORY §11.3 item 10: moment "
        + "estimator bias-corrected by a matched-n SαS calibration, solid) with its 90% bootstrap interval (dashed); "
        + "the grey line marks α_eff = " + heavy + ", at or below which the forcing is substantively heavy. "
        + "Checkpoints with too few increments have no point.");
  }

  /** A tail value of the diagnosis, NaN where its tail index was not estimated. */
  private static ToDoubleFunction<CollapseDiagnosis> estimated(ToDoubleFunction<SlowModeTail> value) {
    return d -> d.getSlowModeTail().getEstimated() ? value.applyAsDouble(d.getSlowModeTail()) : Double.NaN;
  }

  private static Plot quantiles(List<LearnabilityReport> last, RunStyles styles) {
    XyFigure f = new XyFigure("τ-spectrum quantiles (last checkpoint)", "quantile level", "τ_q (steps)", false, true);
    double[] levels = TimescaleSpectrum.levels();
    for (LearnabilityReport r : last) {
      double[] tau = r.getCollapse().getTauQuantilesList().stream().mapToDouble(Double::doubleValue).toArray();
      if (tau.length == levels.length) {
        f.line(styles.label(r.getRunId()), new Curve(levels, tau), styles.color(r.getRunId()));
      }
    }
    return f.render("collapse-tau-quantiles.png", "Quantiles q01, q10, q50, q90, q99 of the per-unit time scales "
        + "τ_q = 1/μ̄_q of the AC decay-rate fit over the τ window, capped at T (THEORY §7.4, §11.3 item 1), for "
        + "the last checkpoint of each run.");
  }

  private static Plot laplace(List<LearnabilityReport> last, RunStyles styles) {
    XyFigure f = new XyFigure("Laplace envelope f_τ and its fits (last checkpoint)", "lag ℓ", "f_τ(ℓ)", true, true);
    for (LearnabilityReport r : last) {
      CollapseDiagnosis d = r.getCollapse();
      if (d.getEnvelopeLagsCount() == 0) {
        continue;
      }
      double[] lags = d.getEnvelopeLagsList().stream().mapToDouble(Integer::doubleValue).toArray();
      double[] f0 = d.getEnvelopeLogFList().stream().mapToDouble(Math::exp).toArray();
      String label = styles.label(r.getRunId());
      Color color = styles.color(r.getRunId());
      f.points(label + " f_τ", new Curve(lags, f0), color);
      EnvelopeLawFits fits = d.getLaplaceFits();
      f.dashed(label + " exponential", law(lags, l -> fits.getExponentialIntercept()
          + fits.getExponentialSlope() * l), color.darker());
      f.dashed(label + " power", law(lags, l -> fits.getPowerIntercept() - fits.getBeta() * Math.log(l)),
          color.brighter());
      f.plainLine(label + " tempered (" + fits.getWinner() + " wins)", law(lags, l -> fits.getTemperedIntercept()
          - fits.getTemperedBeta() * Math.log(l) - l / fits.getTemperedTauMax()), color);
    }
    return f.render("collapse-laplace-envelope.png", "The envelope built from the τ spectrum alone, "
        + "f_τ(ℓ) = (1/n) Σ_q e^{−ℓ/τ_q} (THEORY §11.3 item 4, markers), with its exponential, power and tempered "
        + "fits (§7.5); the legend names the AIC winner. β_env is the tempered exponent; the phase and the "
        + "power-law-window gate are computed on this curve.");
  }

  /** exp(logLaw(ℓ)) at each lag. */
  private static Curve law(double[] lags, DoubleUnaryOperator logLaw) {
    double[] y = new double[lags.length];
    for (int i = 0; i < lags.length; i++) {
      y[i] = Math.exp(logLaw.applyAsDouble(lags[i]));
    }
    return new Curve(lags, y);
  }

  /** One value of each report's diagnosis against its epoch (the figure leaves non-finite values out). */
  private static Curve series(List<LearnabilityReport> reports, ToDoubleFunction<CollapseDiagnosis> value) {
    return new Curve(reports.stream().mapToDouble(LearnabilityReport::getEpoch).toArray(),
        reports.stream().mapToDouble(r -> value.applyAsDouble(r.getCollapse())).toArray());
  }

  private static double finiteOr(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }
}
