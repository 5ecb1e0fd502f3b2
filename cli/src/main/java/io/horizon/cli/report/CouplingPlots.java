package io.horizon.cli.report;

import io.horizon.proto.v1.CouplingAnisotropy;
import io.horizon.proto.v1.CouplingLagAnisotropy;
import io.horizon.proto.v1.CouplingSensitivity;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.QuartileSpread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The time-scale coupling figures (THEORY §10) of the runs whose reports carry a coupling profile: per run the S1
 * heatmap of μ̃_eff(h) over checkpoints and lags, the slope s over checkpoints, the S1 profiles with their
 * zeroth-order and fitted overlays at the last checkpoint, and the S2 bars of AI_r and CE_r per lag and of the
 * per-sample gradient matrix. None when no report has one.
 */
final class CouplingPlots {
  /** File-name prefix of every coupling figure. */
  static final String PREFIX = "coupling-";

  private CouplingPlots() {}

  /** The figures of {@code reports} (every checkpoint) and {@code finals} (the last of each run). */
  static List<Plot> of(List<LearnabilityReport> reports, List<LearnabilityReport> finals, RunStyles styles) {
    List<Plot> plots = new ArrayList<>();
    List<LearnabilityReport> sensitivity = finals.stream().filter(r -> r.getCoupling().hasSensitivity()).toList();
    for (LearnabilityReport last : sensitivity) {
      plots.add(heatmap(history(reports, last.getRunId()), styles.label(last.getRunId())));
    }
    if (!sensitivity.isEmpty()) {
      plots.add(slopes(reports, sensitivity, styles));
      plots.add(profiles(sensitivity, styles));
    }
    List<LearnabilityReport> anisotropy = finals.stream().filter(r -> r.getCoupling().hasAnisotropy()).toList();
    if (!anisotropy.isEmpty()) {
      plots.add(lagBars(anisotropy, styles, CouplingLagAnisotropy::getAnisotropy, "anisotropy.png", "AI_r",
          "AI_r = σ_1/σ_r"));
      plots.add(lagBars(anisotropy, styles, CouplingLagAnisotropy::getConcentration, "concentration.png", "CE_r",
          "CE_r = Σ_{i≤r} σ_i² / Σ_{i≤R} σ_i²"));
      plots.add(gradientBars(anisotropy, styles));
    }
    return plots;
  }

  /** The run's reports with an S1 profile, by epoch. */
  private static List<LearnabilityReport> history(List<LearnabilityReport> reports, String runId) {
    return reports.stream().filter(r -> r.getRunId().equals(runId) && r.getCoupling().hasSensitivity())
        .sorted(Comparator.comparingInt(LearnabilityReport::getEpoch)).toList();
  }

  private static Plot heatmap(List<LearnabilityReport> history, String label) {
    CouplingSensitivity last = history.get(history.size() - 1).getCoupling().getSensitivity();
    double[] lags = ReportSeries.doubles(last.getLagsList());
    String[] rows = new String[history.size()];
    double[][] values = new double[history.size()][];
    for (int i = 0; i < history.size(); i++) {
      rows[i] = "epoch " + history.get(i).getEpoch();
      values[i] = ReportSeries.doubles(history.get(i).getCoupling().getSensitivity().getEffectiveList());
    }
    String file = PREFIX + "heatmap-" + label.replaceAll("[^A-Za-z0-9-]", "_") + ".png";
    return new HeatmapFigure("S1 heatmap of μ̃_eff(h), " + label, "lag h", "checkpoint", "μ̃_eff").render(file,
        "The lag-conditioned sensitivity μ̃_eff(h): the median over the windows (k, t] of lag h = t − k of the "
            + "fixed probe batch of S_{t,k}, the spectral norm of the Jacobian product, divided by its value at lag 1 "
            + "(THEORY §10.2); one row per "
            + "checkpoint of " + label + ", on a logarithmic colour scale.", lags, rows, values);
  }

  private static Plot slopes(List<LearnabilityReport> reports, List<LearnabilityReport> runs, RunStyles styles) {
    XyFigure f = new XyFigure("S1 slope s over checkpoints", "epoch", "slope s", false, false);
    for (LearnabilityReport last : runs) {
      List<LearnabilityReport> history = history(reports, last.getRunId()).stream()
          .filter(r -> r.getCoupling().getSensitivity().hasSlope()).toList();
      double[] epochs = history.stream().mapToDouble(LearnabilityReport::getEpoch).toArray();
      double[] slope =
          history.stream().mapToDouble(r -> r.getCoupling().getSensitivity().getSlope().getSlope()).toArray();
      f.line(styles.label(last.getRunId()), new Curve(epochs, slope), styles.color(last.getRunId()));
    }
    return f.render(PREFIX + "slope.png", "The slope s of the OLS fit log S_{t,k} = a + s log P_{t,k} over the "
        + "windows of the probe batch whose predictor P (the gate product) lies in its central [1%, 99%] quantiles "
        + "(THEORY §10.2), at every checkpoint; s = 1: the gate product alone sets the sensitivity, s < 1: the "
        + "recurrent mixing decouples them. Checkpoints with fewer than 50 usable windows have no slope.");
  }

  private static Plot profiles(List<LearnabilityReport> runs, RunStyles styles) {
    XyFigure f = new XyFigure("S1 profile and overlays, last checkpoint", "lag h", "μ̃(h)", false, true);
    for (LearnabilityReport r : runs) {
      CouplingSensitivity s = r.getCoupling().getSensitivity();
      double[] lags = ReportSeries.doubles(s.getLagsList());
      String label = styles.label(r.getRunId());
      f.plainLine(label + " μ̃_eff", new Curve(lags, ReportSeries.doubles(s.getEffectiveList())),
          styles.color(r.getRunId()));
      f.dashed(label + " zeroth order", new Curve(lags, ReportSeries.doubles(s.getZerothOrderList())),
          styles.color(r.getRunId()));
      if (s.getFittedCount() == lags.length) {
        f.triangles(label + " fitted (s = " + XyFigure.tickLabel(s.getSlope().getSlope()) + ")",
            new Curve(lags, ReportSeries.doubles(s.getFittedList())), styles.color(r.getRunId()));
      }
    }
    return f.render(PREFIX + "profile.png", "Solid: μ̃_eff(h) of each run's last checkpoint; dashed: the "
        + "zeroth-order overlay P̄(h)/P̄(1) of the median gate product (absent for the plain RNN, whose gate product "
        + "is 0); triangles: the fitted overlay (P̄(h)/P̄(1))^s (THEORY §10.2).");
  }

  private static Plot lagBars(List<LearnabilityReport> runs, RunStyles styles,
      Function<CouplingLagAnisotropy, QuartileSpread> metric, String file, String name, String formula) {
    TreeSet<Integer> lags = new TreeSet<>();
    runs.forEach(r -> r.getCoupling().getAnisotropy().getLagsList().forEach(l -> lags.add(l.getLag())));
    List<String> categories = lags.stream().map(Object::toString).toList();
    CouplingAnisotropy first = runs.get(0).getCoupling().getAnisotropy();
    BarFigure f = new BarFigure("S2 " + name + " of the Jacobian products per lag, last checkpoint", "lag h",
        "median " + name + " (r = " + first.getRank() + ")", categories);
    for (LearnabilityReport r : runs) {
      double[] values = new double[categories.size()];
      Arrays.fill(values, Double.NaN);
      for (CouplingLagAnisotropy lag : r.getCoupling().getAnisotropy().getLagsList()) {
        values[lags.headSet(lag.getLag()).size()] = metric.apply(lag).getMedian();
      }
      f.bars(styles.label(r.getRunId()) + " " + r.getRun().getOptimizer().getKind(), values,
          styles.color(r.getRunId()));
    }
    return f.render(PREFIX + file, "The median over the sampled windows (k, t] of lag h of " + formula + " of the "
        + "Jacobian product ∏ J_j, from its top " + first.getRetained() + " singular values (THEORY §10.3), at each "
        + "run's last checkpoint; the interquartile ranges are in reports.json.");
  }

  private static Plot gradientBars(List<LearnabilityReport> runs, RunStyles styles) {
    double maxAnisotropy = 0;
    double maxConcentration = 0;
    for (LearnabilityReport r : runs) {
      maxAnisotropy = Math.max(maxAnisotropy, r.getCoupling().getAnisotropy().getGradientAnisotropy());
      maxConcentration = Math.max(maxConcentration, r.getCoupling().getAnisotropy().getGradientConcentration());
    }
    BarFigure f = new BarFigure("S2 anisotropy of the per-sample gradients, last checkpoint", "measure",
        "value / largest over the runs", List.of("AI_r", "CE_r"));
    StringBuilder values = new StringBuilder();
    for (LearnabilityReport r : runs) {
      CouplingAnisotropy a = r.getCoupling().getAnisotropy();
      String label = styles.label(r.getRunId()) + " " + r.getRun().getOptimizer().getKind();
      f.bars(label, new double[] {a.getGradientAnisotropy() / maxAnisotropy,
          a.getGradientConcentration() / maxConcentration}, styles.color(r.getRunId()));
      values.append(values.length() == 0 ? "" : "; ").append(label).append(": AI_r ")
          .append(XyFigure.tickLabel(a.getGradientAnisotropy())).append(", CE_r ")
          .append(XyFigure.tickLabel(a.getGradientConcentration()));
    }
    return f.render(PREFIX + "gradient-anisotropy.png", "AI_r and CE_r of the matrix of per-sample gradient rows "
        + "(unit rows, centred columns; THEORY §10.3) at each run's last checkpoint, each divided by its largest "
        + "value over the runs as in THEORY §10.3. Values: " + values + ".");
  }
}
