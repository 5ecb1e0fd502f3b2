package io.horizon.aggregator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.aggregator.report.ReportStore;
import io.horizon.pipeline.metrics.LatestGauges;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.OptimizerSpec;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.SlowModeTail;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The slow-mode tail gauges (THEORY §11.3 item 10): a report whose diagnosis carries an estimate shows its α_eff and
 * interval, one whose tail could not be estimated shows NaN, and a diagnosis without a tail sets no such gauge.
 */
class CollapseMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ReportStore store = new ReportStore();

  @Test
  void slowModeTailGaugesFollowTheLatestDiagnosis() {
    new CollapseMeters(registry, store).onStart(null);
    store.add(report("const", SlowModeTail.newBuilder().setEstimated(true).setAlphaEff(1.45).setAlphaLo(1.2)
        .setAlphaHi(1.7).build()));
    assertEquals(1.45, gauge(CollapseMeters.SLOW_ALPHA, "const").value());
    assertEquals(1.2, gauge(CollapseMeters.SLOW_ALPHA_LO, "const").value());
    assertEquals(1.7, gauge(CollapseMeters.SLOW_ALPHA_HI, "const").value());

    store.add(report("const", SlowModeTail.newBuilder().setUnavailable("too few").build()));
    assertTrue(Double.isNaN(gauge(CollapseMeters.SLOW_ALPHA, "const").value()), "not estimated: NaN");

    store.add(report("diag", null));
    assertEquals(0.7, gauge(CollapseMeters.BETA, "diag").value(), "β̂ is shown");
    assertNull(registry.find(CollapseMeters.SLOW_ALPHA.name()).tag("architecture", "diag").gauge());
  }

  private Gauge gauge(LatestGauges.Name name, String architecture) {
    return registry.find(name.name()).tag("architecture", architecture).gauge();
  }

  /** A report of campaign "c" with a diagnosis of β̂ = 0.7 carrying {@code tail} (none when null). */
  private static LearnabilityReport report(String architecture, SlowModeTail tail) {
    CollapseDiagnosis.Builder d = CollapseDiagnosis.newBuilder().setBeta(0.7);
    if (tail != null) {
      d.setSlowModeTail(tail);
    }
    RunSpec run = RunSpec.newBuilder().setCampaign("c").setArchitecture(architecture)
        .setOptimizer(OptimizerSpec.newBuilder().setKind("adamw").setLr(0.01)).build();
    return LearnabilityReport.newBuilder().setCampaign("c").setRunId(architecture).setEpoch(1).setRun(run)
        .setCollapse(d).build();
  }
}
