package io.horizon.service.kafka;

import io.horizon.pipeline.kafka.Relay;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A service's Kafka stage: the relay it starts, closed at shutdown, and the readiness check that it is consuming
 * (Quarkus adds the Kafka connection and gRPC server checks). Subclasses start their relay with {@link #run}.
 */
public abstract class RelayStage implements HealthCheck {
  private final String name;
  private volatile Relay relay;

  protected RelayStage(String name) {
    this.name = name;
  }

  /** Starts {@code configured} as this stage's relay. */
  protected void run(Relay configured) {
    relay = configured.start();
  }

  protected void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    if (relay != null) {
      relay.close();
    }
  }

  /** Whether the stage's Kafka loop is consuming. */
  public boolean isRunning() {
    return relay != null && relay.isRunning();
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(name + " Kafka loop").status(isRunning()).build();
  }
}
