package io.horizon.aggregator.metrics;

import io.horizon.aggregator.report.ReportStore;
import io.horizon.pipeline.metrics.LatestGauges;
import io.horizon.proto.v1.LearnabilityReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Gauges set from every learnability report the store receives: it is watched from before the stage reads back the
 * published reports, so those are shown too. Subclasses set their gauges in {@link #report}, called one report at
 * a time, and are {@code @Singleton} beans (no client proxy, so no no-args constructor is needed).
 */
abstract class ReportGauges {
  protected final MeterRegistry registry;
  protected final LatestGauges gauges;
  private final ReportStore store;

  protected ReportGauges(MeterRegistry registry, ReportStore store) {
    this.registry = registry;
    this.store = store;
    this.gauges = new LatestGauges(registry);
  }

  protected void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
    store.watch(this::receive);
  }

  private synchronized void receive(LearnabilityReport r) {
    report(r);
  }

  /** Sets the gauges of one report. */
  protected abstract void report(LearnabilityReport r);
}
