package io.horizon.pipeline.metrics;

import io.horizon.pipeline.kafka.StageObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * A stage's records as Micrometer meters, labelled by topic: {@code horizon_pipeline_records_in_total},
 * {@code horizon_pipeline_records_out_total}, {@code horizon_pipeline_records_failed_total}, the handling time
 * {@code horizon_pipeline_record_duration_seconds}, the consumer lag {@code horizon_pipeline_consumer_lag_records}
 * and the partitions this instance holds {@code horizon_pipeline_assigned_partitions}.
 */
public final class StageMeters implements StageObserver {
  /** Input records handled. */
  public static final String RECORDS_IN = "horizon.pipeline.records.in";
  /** Output records sent. */
  public static final String RECORDS_OUT = "horizon.pipeline.records.out";
  /** Input records rejected and skipped. */
  public static final String RECORDS_FAILED = "horizon.pipeline.records.failed";
  /** Time a stage spent on one input record. */
  public static final String RECORD_DURATION = "horizon.pipeline.record.duration";
  /** Records between the consumer's position and the end of a topic. */
  public static final String CONSUMER_LAG = "horizon.pipeline.consumer.lag";

  /** Partitions of a topic held by this instance's consumer. */
  public static final String ASSIGNED_PARTITIONS = "horizon.pipeline.assigned.partitions";

  private static final String TOPIC = "topic";

  private static final LatestGauges.Name LAG =
      new LatestGauges.Name(CONSUMER_LAG, "records between position and end of topic", "records");
  private static final LatestGauges.Name HELD =
      new LatestGauges.Name(ASSIGNED_PARTITIONS, "partitions of the topic this instance consumes", "partitions");

  private final MeterRegistry registry;
  private final LatestGauges gauges;

  public StageMeters(MeterRegistry registry) {
    this.registry = registry;
    this.gauges = new LatestGauges(registry);
  }

  /** Registers the input meters of {@code topic} at zero, so that a clean run shows no failures rather than none. */
  @Override
  public void subscribed(String topic) {
    recordsIn(topic);
    failed(topic);
    duration(topic);
    lag(topic, 0);
    assigned(topic, 0);
  }

  @Override
  public void handled(String topic, long nanos) {
    recordsIn(topic).increment();
    duration(topic).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void rejected(String topic) {
    failed(topic).increment();
  }

  @Override
  public void published(String topic) {
    counter(RECORDS_OUT, "output records sent", topic).increment();
  }

  @Override
  public void lag(String topic, long records) {
    gauges.set(LAG, Tags.of(TOPIC, topic), records);
  }

  @Override
  public void assigned(String topic, int partitions) {
    gauges.set(HELD, Tags.of(TOPIC, topic), partitions);
  }

  private Counter recordsIn(String topic) {
    return counter(RECORDS_IN, "input records handled", topic);
  }

  private Counter failed(String topic) {
    return counter(RECORDS_FAILED, "input records rejected (bad input) and skipped", topic);
  }

  private Timer duration(String topic) {
    return Timer.builder(RECORD_DURATION).description("time the stage spent on one input record").tag(TOPIC, topic)
        .register(registry);
  }

  private Counter counter(String name, String description, String topic) {
    return Counter.builder(name).description(description).tag(TOPIC, topic).register(registry);
  }
}
