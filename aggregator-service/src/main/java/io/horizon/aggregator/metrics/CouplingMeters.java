package io.horizon.aggregator.metrics;

import io.horizon.aggregator.report.ReportStore;
import io.horizon.pipeline.metrics.LatestGauges;
import io.horizon.pipeline.metrics.RunTags;
import io.horizon.proto.v1.CouplingAnisotropy;
import io.horizon.proto.v1.CouplingLagAnisotropy;
import io.horizon.proto.v1.CouplingSensitivity;
import io.horizon.proto.v1.LearnabilityReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;

/**
 * The time-scale coupling of the latest report per campaign, architecture and optimizer as gauges (THEORY §10): the
 * S1 slope s with its R², and per S2 lag the median AI_r and CE_r of the Jacobian products, plus AI_r and CE_r of
 * the per-sample gradient matrix. Reports without a coupling profile set nothing.
 */
@Singleton
public class CouplingMeters extends ReportGauges {
  static final LatestGauges.Name SLOPE = new LatestGauges.Name("horizon.coupling.slope",
      "S1 slope s of log S on log P; NaN without a fit (THEORY §10.2)");
  static final LatestGauges.Name SLOPE_R2 =
      new LatestGauges.Name("horizon.coupling.slope.r2", "R² of the S1 slope fit (THEORY §10.2)");
  static final LatestGauges.Name ANISOTROPY = new LatestGauges.Name("horizon.coupling.anisotropy",
      "median AI_r of the Jacobian products at each lag (THEORY §10.3)");
  static final LatestGauges.Name CONCENTRATION = new LatestGauges.Name("horizon.coupling.concentration",
      "median CE_r of the Jacobian products at each lag (THEORY §10.3)");
  static final LatestGauges.Name GRADIENT_ANISOTROPY = new LatestGauges.Name("horizon.coupling.gradient.anisotropy",
      "AI_r of the per-sample gradient matrix (THEORY §10.3)");
  static final LatestGauges.Name GRADIENT_CONCENTRATION = new LatestGauges.Name(
      "horizon.coupling.gradient.concentration", "CE_r of the per-sample gradient matrix (THEORY §10.3)");

  public CouplingMeters(MeterRegistry registry, ReportStore store) {
    super(registry, store);
  }

  @Override
  protected void report(LearnabilityReport r) {
    Tags tags = RunTags.of(r.getRun());
    if (r.getCoupling().hasSensitivity()) {
      CouplingSensitivity s = r.getCoupling().getSensitivity();
      gauges.set(SLOPE, tags, s.hasSlope() ? s.getSlope().getSlope() : Double.NaN);
      gauges.set(SLOPE_R2, tags, s.hasSlope() ? s.getSlope().getR2() : Double.NaN);
    }
    if (r.getCoupling().hasAnisotropy()) {
      CouplingAnisotropy a = r.getCoupling().getAnisotropy();
      for (CouplingLagAnisotropy lag : a.getLagsList()) {
        Tags at = tags.and("lag", Integer.toString(lag.getLag()));
        gauges.set(ANISOTROPY, at, lag.getAnisotropy().getMedian());
        gauges.set(CONCENTRATION, at, lag.getConcentration().getMedian());
      }
      gauges.set(GRADIENT_ANISOTROPY, tags, a.getGradientAnisotropy());
      gauges.set(GRADIENT_CONCENTRATION, tags, a.getGradientConcentration());
    }
  }
}
