package io.horizon.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.pipeline.campaign.CollapseSettings;
import io.horizon.pipeline.collapse.CheckpointCollapse;
import io.horizon.pipeline.collapse.CollapseHistories;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.SlowModeTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anti-collapse figures exist, and draw data, exactly when the reports carry a collapse diagnosis: two runs of
 * three checkpoints whose units' mean of log|μ| decays as −ℓ/τ_q, with τ_q from a Pareto law
 * P(τ &gt; x) = (x/x₀)^{−β} (one run broad, β = 0.6, one concentrated, β = 2.5) and no diagnosis in a third run; the
 * α_eff figure of the slow-mode tail index exists exactly when some checkpoint carries an estimate.
 */
class CollapsePlotsTest {
  private static final int[] LAGS = {4, 12, 20, 28, 36, 44, 52, 60, 68, 76, 84, 92, 100, 108, 116};
  private static final int UNITS = 64;
  private static final int LENGTH = 128;

  @Test
  void theThreeFiguresAppearOnlyWithCollapseData(@TempDir Path dir) throws IOException {
    List<LearnabilityReport> all = new ArrayList<>();
    all.addAll(run("broad", 0.6));
    all.addAll(run("concentrated", 2.5));
    List<LearnabilityReport> finals = List.of(all.get(2), all.get(5));
    List<Plot> plots = CollapsePlots.of(all, finals, new RunStyles(finals));
    assertEquals(List.of("collapse-beta.png", "collapse-tau-quantiles.png", "collapse-laplace-envelope.png"),
        plots.stream().map(Plot::file).toList());
    for (Plot p : plots) {
      Files.write(dir.resolve(p.file()), p.png());
      assertTrue(p.png().length > 1000, p.file());
    }
    List<LearnabilityReport> without = List.of(all.get(0).toBuilder().clearCollapse().build());
    assertTrue(CollapsePlots.of(without, without, new RunStyles(without)).isEmpty());
  }

  /** A run whose checkpoints 2 and 3 carry a slow-mode tail estimate adds the α_eff figure; checkpoint 1 has none. */
  @Test
  void theSlowModeTailFigureAppearsWhenSomeCheckpointHasAnEstimate(@TempDir Path dir) throws IOException {
    List<LearnabilityReport> all = new ArrayList<>();
    for (LearnabilityReport r : run("forced", 0.6)) {
      double alpha = 1.3 + 0.1 * r.getEpoch();
      SlowModeTail tail = r.getEpoch() == 1 ? SlowModeTail.newBuilder().setUnavailable("too few").build()
          : SlowModeTail.newBuilder().setEstimated(true).setAlphaEff(alpha).setAlphaLo(alpha - 0.2)
              .setAlphaHi(alpha + 0.2).build();
      all.add(r.toBuilder().setCollapse(r.getCollapse().toBuilder().setSlowModeTail(tail)).build());
    }
    all.addAll(run("plain", 2.5));
    List<LearnabilityReport> finals = List.of(all.get(2), all.get(5));
    List<Plot> plots = CollapsePlots.of(all, finals, new RunStyles(finals));
    assertEquals(List.of("collapse-beta.png", "collapse-tau-quantiles.png", "collapse-laplace-envelope.png",
        "collapse-slow-alpha.png"), plots.stream().map(Plot::file).toList());
    Plot slow = plots.get(3);
    Files.write(dir.resolve(slow.file()), slow.png());
    assertTrue(slow.png().length > 1000);
  }

  /** Three checkpoints of a run whose spectrum has tail exponent {@code beta}, sharpening over training. */
  private static List<LearnabilityReport> run(String name, double beta) {
    CollapseSettings settings = new CollapseSettings(60, 116, 0.75, 0.995, 200, 42, 0.10, 20, 20, 4096);
    CollapseHistories histories = new CollapseHistories();
    List<LearnabilityReport> out = new ArrayList<>();
    for (int epoch = 1; epoch <= 3; epoch++) {
      double[][] logProfile = new double[LAGS.length][UNITS];
      double[] logF = new double[LAGS.length];
      for (int q = 0; q < UNITS; q++) {
        double u = (q + 0.5) / UNITS;
        double tau = 2.0 * Math.pow(u, -1 / (beta * (1 + 0.1 * epoch)));
        for (int i = 0; i < LAGS.length; i++) {
          logProfile[i][q] = -LAGS[i] / tau;
          logF[i] += Math.exp(logProfile[i][q]) / UNITS;
        }
      }
      for (int i = 0; i < LAGS.length; i++) {
        logF[i] = Math.log(logF[i]);
      }
      CollapseDiagnosis d = CheckpointCollapse.diagnose(settings, LAGS, logProfile, logF, LENGTH);
      out.add(LearnabilityReport.newBuilder().setRunId(name).setArchitecture(name).setEpoch(epoch).setCollapse(d)
          .setCollapseHistory(histories.add(name, epoch, d, settings)).build());
    }
    return out;
  }
}
