package io.horizon.aggregator.metrics;

import io.horizon.aggregator.kafka.JoinStage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the aggregator stage: its Kafka loop is consuming envelopes and stable fits. Quarkus adds the Kafka
 * connection and the gRPC server checks to {@code /q/health/ready}.
 */
@Readiness
@ApplicationScoped
public class StageReadiness implements HealthCheck {
  private final JoinStage stage;

  public StageReadiness(JoinStage stage) {
    this.stage = stage;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("aggregator Kafka loop").status(stage.isRunning()).build();
  }
}
