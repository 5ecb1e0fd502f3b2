package io.horizon.aggregator.metrics;

import io.horizon.aggregator.report.ReportStore;
import io.horizon.pipeline.metrics.LatestGauges;
import io.horizon.pipeline.metrics.RunTags;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.SlowModeTail;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;

/**
 * The latest anti-collapse diagnosis per campaign, architecture, optimizer and forcing (THEORY §11.3) as gauges:
 * β̂ of the τ-spectrum CCDF with its bootstrap interval, β_env, the phase code (0 collapsed, 1 unresolved,
 * 2 concentrated, 3 broad, 4 boundary) and, when the diagnosis carries one, the slow-mode tail index α_eff with its
 * bootstrap interval (NaN where it could not be estimated). Reports without a diagnosis set nothing.
 */
@Singleton
public class CollapseMeters extends ReportGauges {
  static final LatestGauges.Name BETA =
      new LatestGauges.Name("horizon.collapse.beta", "β̂ of the τ-spectrum CCDF tail (THEORY §11.3 item 2)");
  static final LatestGauges.Name BETA_LO =
      new LatestGauges.Name("horizon.collapse.beta.lo", "5th percentile of the bootstrap β̂ (THEORY §11.3 item 3)");
  static final LatestGauges.Name BETA_HI =
      new LatestGauges.Name("horizon.collapse.beta.hi", "95th percentile of the bootstrap β̂ (THEORY §11.3 item 3)");
  static final LatestGauges.Name BETA_ENV = new LatestGauges.Name("horizon.collapse.beta.env",
      "tempered-fit exponent of the Laplace envelope (THEORY §11.3 item 4)");
  static final LatestGauges.Name PHASE =
      new LatestGauges.Name("horizon.collapse.phase", "phase code of the checkpoint (THEORY §11.3 item 7)");
  static final LatestGauges.Name SLOW_ALPHA = new LatestGauges.Name("horizon.collapse.slow.alpha.eff",
      "α_eff of the slow rows' parameter increments since the previous checkpoint (THEORY §11.3 item 10)");
  static final LatestGauges.Name SLOW_ALPHA_LO = new LatestGauges.Name("horizon.collapse.slow.alpha.lo",
      "5th percentile of the bootstrap α_eff (THEORY §11.3 item 10)");
  static final LatestGauges.Name SLOW_ALPHA_HI = new LatestGauges.Name("horizon.collapse.slow.alpha.hi",
      "95th percentile of the bootstrap α_eff (THEORY §11.3 item 10)");

  public CollapseMeters(MeterRegistry registry, ReportStore store) {
    super(registry, store);
  }

  @Override
  protected void report(LearnabilityReport r) {
    if (!r.hasCollapse()) {
      return;
    }
    Tags tags = RunTags.of(r.getRun()).and("forcing", r.getRun().hasForcing() ? "on" : "off");
    CollapseDiagnosis d = r.getCollapse();
    gauges.set(BETA, tags, d.getBeta());
    gauges.set(BETA_LO, tags, d.getBetaLo());
    gauges.set(BETA_HI, tags, d.getBetaHi());
    gauges.set(BETA_ENV, tags, d.getLaplaceFits().getTemperedBeta());
    gauges.set(PHASE, tags, d.getPhaseCode());
    if (d.hasSlowModeTail()) {
      SlowModeTail tail = d.getSlowModeTail();
      gauges.set(SLOW_ALPHA, tags, tail.getEstimated() ? tail.getAlphaEff() : Double.NaN);
      gauges.set(SLOW_ALPHA_LO, tags, tail.getEstimated() ? tail.getAlphaLo() : Double.NaN);
      gauges.set(SLOW_ALPHA_HI, tags, tail.getEstimated() ? tail.getAlphaHi() : Double.NaN);
    }
  }
}
