package io.horizon.estimator.metrics;

import io.horizon.estimator.kafka.SampleStage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the estimator stage: its Kafka loop is consuming gradient samples. Quarkus adds the Kafka connection and
 * the gRPC server checks to {@code /q/health/ready}.
 */
@Readiness
@ApplicationScoped
public class StageReadiness implements HealthCheck {
  private final SampleStage stage;

  public StageReadiness(SampleStage stage) {
    this.stage = stage;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("estimator Kafka loop").status(stage.isRunning()).build();
  }
}
