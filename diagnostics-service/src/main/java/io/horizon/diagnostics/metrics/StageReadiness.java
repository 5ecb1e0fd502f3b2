package io.horizon.diagnostics.metrics;

import io.horizon.diagnostics.kafka.CheckpointStage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the diagnostics stage: its Kafka loop is consuming checkpoints. Quarkus adds the Kafka connection and
 * the gRPC server checks to {@code /q/health/ready}.
 */
@Readiness
@ApplicationScoped
public class StageReadiness implements HealthCheck {
  private final CheckpointStage stage;

  public StageReadiness(CheckpointStage stage) {
    this.stage = stage;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("diagnostics Kafka loop").status(stage.isRunning()).build();
  }
}
