package io.horizon.pipeline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stage meters count per topic, start at zero when a topic is subscribed, and gauges keep the latest value. */
class StageMetersTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final StageMeters meters = new StageMeters(registry);

  @Test
  void subscribedTopicsShowZeroFailuresAndLag() {
    meters.subscribed("in");
    assertEquals(0, registry.get(StageMeters.RECORDS_FAILED).tag("topic", "in").counter().count());
    assertEquals(0, registry.get(StageMeters.RECORDS_IN).tag("topic", "in").counter().count());
    assertEquals(0, registry.get(StageMeters.CONSUMER_LAG).tag("topic", "in").gauge().value());
    assertEquals(0, registry.get(StageMeters.ASSIGNED_PARTITIONS).tag("topic", "in").gauge().value());
  }

  @Test
  void countsRecordsAndTimesPerTopic() {
    long millis = 7;
    meters.handled("in", TimeUnit.MILLISECONDS.toNanos(millis));
    meters.handled("in", TimeUnit.MILLISECONDS.toNanos(millis));
    meters.rejected("in");
    meters.published("out");
    meters.lag("in", 5);
    meters.lag("in", 2);
    meters.assigned("in", 3);
    assertEquals(2, registry.get(StageMeters.RECORDS_IN).tag("topic", "in").counter().count());
    assertEquals(1, registry.get(StageMeters.RECORDS_FAILED).tag("topic", "in").counter().count());
    assertEquals(1, registry.get(StageMeters.RECORDS_OUT).tag("topic", "out").counter().count());
    assertEquals(2 * millis, registry.get(StageMeters.RECORD_DURATION).tag("topic", "in").timer()
        .totalTime(TimeUnit.MILLISECONDS), 1e-9);
    assertEquals(2, registry.get(StageMeters.CONSUMER_LAG).tag("topic", "in").gauge().value(), "the latest lag");
    assertEquals(3, registry.get(StageMeters.ASSIGNED_PARTITIONS).tag("topic", "in").gauge().value());
  }

  @Test
  void latestGaugesShowTheLastValueSetPerLabels() {
    LatestGauges gauges = new LatestGauges(registry);
    LatestGauges.Name name = new LatestGauges.Name("horizon.test", "a test gauge");
    gauges.set(name, Tags.of("campaign", "a"), 1);
    gauges.set(name, Tags.of("campaign", "a"), 3);
    gauges.set(name, Tags.of("campaign", "b"), 4);
    assertEquals(3, registry.get("horizon.test").tag("campaign", "a").gauge().value());
    assertEquals(4, registry.get("horizon.test").tag("campaign", "b").gauge().value());
    assertEquals(2, registry.get("horizon.test").gauges().size(), "one gauge per label set");
  }
}
