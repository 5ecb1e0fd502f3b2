package io.horizon.diagnostics.kafka;

import io.horizon.diagnostics.config.DiagnosticsConfig;
import io.horizon.diagnostics.envelope.EnvelopeComputation;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.Relay;
import io.horizon.pipeline.kafka.TopicLayout;
import io.horizon.pipeline.metrics.StageMeters;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.EnvelopeReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Checkpoints in, envelope reports out: consumer group {@code diagnostics}, one checkpoint at a time. */
@Readiness
@ApplicationScoped
public class CheckpointStage implements HealthCheck {
  private Relay relay;

  void onStart(@Observes StartupEvent event, EnvelopeComputation computation, DiagnosticsConfig config,
      KafkaConnection kafka, MeterRegistry registry) {
    TopicLayout.ensure(kafka, config.partitions(), config.replication());
    relay = Relay.committingAll("diagnostics", kafka, "diagnostics", List.of(Topics.CHECKPOINTS), r -> {
      EnvelopeReport report = computation.diagnose(Checkpoint.parseFrom(r.value()));
      return List.of(new Relay.Output(Topics.ENVELOPES, report.getRunId() + "/" + report.getEpoch(), report));
    }, new StageMeters(registry)).start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    if (relay != null) {
      relay.close();
    }
  }

  /** Whether checkpoints are being consumed. */
  public boolean isRunning() {
    return relay != null && relay.isRunning();
  }

  /** Readiness: the stage's Kafka loop is consuming (Quarkus adds the Kafka connection and gRPC server checks). */
  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("diagnostics Kafka loop").status(isRunning()).build();
  }
}
