package io.horizon.aggregator.metrics;

import io.horizon.aggregator.report.ReportStore;
import io.horizon.core.learnability.ScalingRegime;
import io.horizon.pipeline.metrics.LatestGauges;
import io.horizon.pipeline.metrics.RunTags;
import io.horizon.proto.v1.LearnabilityReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.util.function.IntToDoubleFunction;

/**
 * The latest learnability report per campaign, architecture and optimizer as gauges (THEORY §6–7): Ĥ_N per budget
 * N, f̂(ℓ), α̂(ℓ), γ̂(ℓ) and N_min(ℓ) per lag (at most {@value #MAX_LAGS} lags, evenly spread), τ_env, β, the
 * regime, and the epoch of the report; plus a counter of reports.
 */
@Singleton
public class LearnabilityMeters extends ReportGauges {
  /** Most lag values a per-lag gauge takes per campaign, architecture and optimizer. */
  static final int MAX_LAGS = 256;

  static final LatestGauges.Name WINDOW =
      new LatestGauges.Name("horizon.learnability.window.steps", "learnability window Ĥ_N at budget N (THEORY §7.3)");
  static final LatestGauges.Name ENVELOPE =
      new LatestGauges.Name("horizon.learnability.envelope", "envelope f̂(ℓ) (THEORY §4.4)");
  static final LatestGauges.Name ALPHA =
      new LatestGauges.Name("horizon.learnability.alpha", "α-stable tail index α̂(ℓ) (THEORY §7.1)");
  static final LatestGauges.Name GAMMA =
      new LatestGauges.Name("horizon.learnability.gamma", "α-stable scale γ̂(ℓ) (THEORY §7.1)");
  static final LatestGauges.Name N_MIN = new LatestGauges.Name("horizon.learnability.n.min.sequences",
      "sample complexity N_min(ℓ); NaN where not reached (THEORY §7.3)");
  static final LatestGauges.Name TAU_ENV =
      new LatestGauges.Name("horizon.learnability.tau.env.steps", "envelope time scale τ_env (THEORY §7.5)");
  static final LatestGauges.Name BETA =
      new LatestGauges.Name("horizon.learnability.beta", "envelope power-law exponent β (THEORY §7.5)");
  static final LatestGauges.Name REGIME =
      new LatestGauges.Name("horizon.learnability.regime", "1 for the scaling regime of the report (THEORY §6.4)");
  static final LatestGauges.Name EPOCH =
      new LatestGauges.Name("horizon.learnability.epoch", "checkpoint epoch of the latest report");

  public LearnabilityMeters(MeterRegistry registry, ReportStore store) {
    super(registry, store);
  }

  @Override
  protected void report(LearnabilityReport r) {
    Tags tags = RunTags.of(r.getRun());
    Counter.builder("horizon.learnability.reports").description("learnability reports published").tags(tags)
        .register(registry).increment();
    gauges.set(EPOCH, tags, r.getEpoch());
    for (int i = 0; i < r.getBudgetsCount(); i++) {
      gauges.set(WINDOW, tags.and("budget", Long.toString(r.getBudgets(i))), r.getWindow(i));
    }
    int lags = r.getLagsCount();
    int stride = (lags + MAX_LAGS - 1) / MAX_LAGS;
    for (int i = 0; i < lags; i += stride) {
      Tags lag = tags.and("lag", Integer.toString(r.getLags(i)));
      perLag(ENVELOPE, lag, r.getFMeanCount(), r::getFMean, i);
      perLag(ALPHA, lag, r.getAlphaCount(), r::getAlpha, i);
      perLag(GAMMA, lag, r.getGammaCount(), r::getGamma, i);
      perLag(N_MIN, lag, r.getNMinCount(), k -> r.getNMin(k) < 0 ? Double.NaN : r.getNMin(k), i);
    }
    gauges.set(TAU_ENV, tags, r.getTauEnv());
    gauges.set(BETA, tags, r.getBeta());
    for (ScalingRegime regime : ScalingRegime.values()) {
      gauges.set(REGIME, tags.and("regime", regime.toString()), regime.toString().equals(r.getRegime()) ? 1 : 0);
    }
  }

  /** Sets a per-lag gauge at lag index {@code i}; NaN when the report has no such value. */
  private void perLag(LatestGauges.Name name, Tags lag, int count, IntToDoubleFunction value, int i) {
    gauges.set(name, lag, i < count ? value.applyAsDouble(i) : Double.NaN);
  }
}
