package io.horizon.aggregator.kafka;

import io.horizon.aggregator.config.AggregatorConfig;
import io.horizon.aggregator.report.ReportStore;
import io.horizon.pipeline.kafka.HeldOffsets;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.ProtoDeserializer;
import io.horizon.pipeline.kafka.Relay;
import io.horizon.pipeline.kafka.TopicLayout;
import io.horizon.pipeline.kafka.TopicReplay;
import io.horizon.pipeline.message.ReportAssembly;
import io.horizon.pipeline.metrics.StageMeters;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.StableFit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Envelopes and per-lag fits in, learnability reports out (consumer group {@code aggregator}). On start it reads
 * back the reports already published, so a restart serves them at once and never publishes one twice; offsets
 * are committed only up to the first record of a checkpoint still waiting for pieces.
 */
@Readiness
@ApplicationScoped
public class JoinStage implements HealthCheck {
  private final ReportAssembly assembly = new ReportAssembly();
  private final HeldOffsets held = new HeldOffsets();
  private Relay relay;

  void onStart(@Observes StartupEvent event, ReportStore store, AggregatorConfig config,
      KafkaConnection kafka, MeterRegistry registry) {
    TopicLayout.ensure(kafka, config.partitions(), config.replication());
    TopicReplay.readAll(kafka, Topics.LEARNABILITY,
        new ProtoDeserializer<>(LearnabilityReport.parser(), LearnabilityReport.class), r -> {
          store.add(r.value());
          assembly.published(r.value());
        });
    relay = new Relay("aggregator", kafka, "aggregator", List.of(Topics.ENVELOPES, Topics.STABLE_FITS), r -> {
      Optional<LearnabilityReport> report;
      String key;
      if (Topics.ENVELOPES.equals(r.topic())) {
        EnvelopeReport envelope = EnvelopeReport.parseFrom(r.value());
        key = ReportAssembly.key(envelope.getRunId(), envelope.getEpoch());
        report = assembly.envelope(envelope);
      } else {
        StableFit fit = StableFit.parseFrom(r.value());
        key = ReportAssembly.key(fit.getRunId(), fit.getEpoch());
        report = assembly.fit(fit);
      }
      if (report.isEmpty()) {
        if (assembly.isPending(key)) {
          held.read(key, new TopicPartition(r.topic(), r.partition()), r.offset());
        }
        return List.of();
      }
      held.close(key);
      store.add(report.get());
      return List.of(new Relay.Output(Topics.LEARNABILITY, key, report.get()));
    }, held::committable, new StageMeters(registry)).start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    if (relay != null) {
      relay.close();
    }
  }

  /** Whether the stage's Kafka loop is consuming. */
  public boolean isRunning() {
    return relay != null && relay.isRunning();
  }

  /** Readiness: the stage's Kafka loop is consuming (Quarkus adds the Kafka connection and gRPC server checks). */
  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("aggregator Kafka loop").status(isRunning()).build();
  }
}
