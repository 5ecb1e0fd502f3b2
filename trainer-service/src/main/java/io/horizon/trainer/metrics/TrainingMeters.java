package io.horizon.trainer.metrics;

import io.horizon.core.train.EpochMetrics;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.metrics.LatestGauges;
import io.horizon.pipeline.metrics.RunTags;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import io.horizon.trainer.run.CampaignBook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The trainer's meters: runs by state and progress per campaign, the latest epoch, loss, validation R² and
 * throughput per campaign, architecture and optimizer (THEORY §8.2 "Per epoch"), checkpoint durations, and
 * {@code horizon_run_info}, the only meter that names run ids and seeds.
 */
@ApplicationScoped
public class TrainingMeters {
  static final LatestGauges.Name RUNS = new LatestGauges.Name("horizon.campaign.runs", "runs of a campaign by state");
  static final LatestGauges.Name PROGRESS =
      new LatestGauges.Name("horizon.campaign.progress.ratio", "mean progress of a campaign's runs, 0 to 1");
  static final LatestGauges.Name EPOCH = new LatestGauges.Name("horizon.training.epoch", "latest epoch completed");
  static final LatestGauges.Name LOSS =
      new LatestGauges.Name("horizon.training.loss", "mean training loss of the latest epoch");
  static final LatestGauges.Name R2 =
      new LatestGauges.Name("horizon.training.validation.r2", "validation R² after the latest epoch");
  static final LatestGauges.Name THROUGHPUT = new LatestGauges.Name("horizon.training.sequence.steps.per.second",
      "sequences × steps trained per second in the latest epoch");
  static final LatestGauges.Name INFO = new LatestGauges.Name("horizon.run.info",
      "1 for every run of a known campaign; the only meter labelled with run ids and seeds");

  private final MeterRegistry registry;
  private final CampaignBook book;
  private final LatestGauges gauges;
  private final Map<String, CampaignSpec> described = new ConcurrentHashMap<>();

  public TrainingMeters(MeterRegistry registry, CampaignBook book) {
    this.registry = registry;
    this.book = book;
    this.gauges = new LatestGauges(registry);
  }

  /** Watches run statuses from before the book is restored, so restored campaigns are counted too. */
  void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
    book.watch(status -> book.state(status.getCampaign()).ifPresent(this::campaign));
  }

  /** Records the metrics of an epoch of {@code run}. */
  public void epoch(RunSpec run, EpochMetrics m) {
    Tags tags = RunTags.of(run);
    gauges.set(EPOCH, tags, m.epoch());
    gauges.set(LOSS, tags, m.trainLoss());
    gauges.set(R2, tags, m.validationR2());
    gauges.set(THROUGHPUT, tags, m.sequenceStepsPerSecond());
    Counter.builder("horizon.training.epochs").description("epochs trained").tags(tags).register(registry)
        .increment();
  }

  /** Records how long a checkpoint of {@code run} took: publishing it and its diagnostic pass. */
  public void checkpoint(RunSpec run, long nanos) {
    Timer.builder("horizon.training.checkpoint.duration")
        .description("publishing a checkpoint and the gradient samples of its diagnostic pass")
        .tags(RunTags.of(run)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  private void campaign(CampaignState state) {
    String name = state.getSpec().getName();
    Map<RunState, Integer> byState = new EnumMap<>(RunState.class);
    double progress = 0;
    for (RunStatus s : state.getRunsList()) {
      byState.merge(s.getState(), 1, Integer::sum);
      progress += s.getProgress();
    }
    for (RunState s : RunState.values()) {
      if (s != RunState.RUN_STATE_UNSPECIFIED && s != RunState.UNRECOGNIZED) {
        gauges.set(RUNS, Tags.of("campaign", name, "state", s.name().toLowerCase()), byState.getOrDefault(s, 0));
      }
    }
    gauges.set(PROGRESS, Tags.of("campaign", name), state.getRunsCount() == 0 ? 0 : progress / state.getRunsCount());
    if (!state.getSpec().equals(described.put(name, state.getSpec()))) {
      CampaignGrid.expand(state.getSpec()).forEach(
          run -> gauges.set(INFO, RunTags.of(run).and("run_id", run.getRunId(), "seed", Long.toString(run.getSeed())),
              1));
    }
  }
}
