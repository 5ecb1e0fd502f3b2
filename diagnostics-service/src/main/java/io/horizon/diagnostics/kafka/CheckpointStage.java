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
import io.horizon.service.kafka.RelayStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.health.Readiness;

/** Checkpoints in, envelope reports out: consumer group {@code diagnostics}, one checkpoint at a time. */
@Readiness
@ApplicationScoped
public class CheckpointStage extends RelayStage {
  public CheckpointStage() {
    super("diagnostics");
  }

  void onStart(@Observes StartupEvent event, EnvelopeComputation computation, DiagnosticsConfig config,
      KafkaConnection kafka, MeterRegistry registry) {
    TopicLayout.ensure(kafka, config.partitions(), config.replication());
    run(Relay.committingAll("diagnostics", kafka, "diagnostics", List.of(Topics.CHECKPOINTS), r -> {
      EnvelopeReport report = computation.diagnose(Checkpoint.parseFrom(r.value()));
      return List.of(new Relay.Output(Topics.ENVELOPES, report.getRunId() + "/" + report.getEpoch(), report));
    }, new StageMeters(registry)));
  }
}
