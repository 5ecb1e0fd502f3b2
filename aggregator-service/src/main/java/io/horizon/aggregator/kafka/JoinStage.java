package io.horizon.aggregator.kafka;

import io.horizon.aggregator.config.AggregatorConfig;
import io.horizon.aggregator.report.ReportStore;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.ProtoDeserializer;
import io.horizon.pipeline.kafka.Relay;
import io.horizon.pipeline.kafka.ReportJoin;
import io.horizon.pipeline.kafka.TopicLayout;
import io.horizon.pipeline.kafka.TopicReplay;
import io.horizon.pipeline.message.ReportAssembly;
import io.horizon.pipeline.metrics.StageMeters;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.StableFit;
import io.horizon.service.kafka.RelayStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.Readiness;

/**
 * Envelopes and per-lag fits in, learnability reports out (consumer group {@code aggregator}). On start it reads
 * back the reports already published, so a restart serves them at once and never publishes one twice; offsets
 * are committed only up to the first record of a checkpoint still waiting for pieces or held back for its run's
 * anti-collapse history ({@link ReportJoin}).
 */
@Readiness
@ApplicationScoped
public class JoinStage extends RelayStage {
  private final ReportJoin join = new ReportJoin();

  public JoinStage() {
    super("aggregator");
  }

  void onStart(@Observes StartupEvent event, ReportStore store, AggregatorConfig config,
      KafkaConnection kafka, MeterRegistry registry) {
    TopicLayout.ensure(kafka, config.partitions(), config.replication());
    TopicReplay.readAll(kafka, Topics.LEARNABILITY,
        new ProtoDeserializer<>(LearnabilityReport.parser(), LearnabilityReport.class), r -> {
          store.add(r.value());
          join.published(r.value());
        });
    run(new Relay("aggregator", kafka, "aggregator", List.of(Topics.ENVELOPES, Topics.STABLE_FITS), r -> {
      TopicPartition partition = new TopicPartition(r.topic(), r.partition());
      List<LearnabilityReport> reports = Topics.ENVELOPES.equals(r.topic())
          ? join.envelope(EnvelopeReport.parseFrom(r.value()), partition, r.offset())
          : join.fit(StableFit.parseFrom(r.value()), partition, r.offset());
      List<Relay.Output> out = new ArrayList<>();
      for (LearnabilityReport report : reports) {
        store.add(report);
        out.add(new Relay.Output(Topics.LEARNABILITY, ReportAssembly.key(report.getRunId(), report.getEpoch()),
            report));
      }
      return out;
    }, join::committable, new StageMeters(registry)));
  }
}
