package io.horizon.service.security;

import io.horizon.pipeline.kafka.KafkaConnection;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The service's {@link KafkaConnection}: {@code kafka.bootstrap.servers} and every {@code kafka.security.protocol},
 * {@code kafka.sasl.*} and {@code kafka.ssl.*} setting (or KAFKA_… environment variable), logged once with secrets
 * masked.
 */
@ApplicationScoped
public class KafkaConnectionProducer {
  private static final Logger LOG = Logger.getLogger(KafkaConnectionProducer.class);

  /** The connection from the {@code kafka.*} configuration Quarkus gathers (prefix stripped). */
  @Produces
  @Singleton
  KafkaConnection connection(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
    Map<String, String> settings = new HashMap<>();
    kafka.forEach((name, value) -> settings.put(name, String.valueOf(value)));
    KafkaConnection connection = KafkaConnection.of(settings);
    LOG.infof("Kafka connection: %s", connection);
    return connection;
  }
}
