package io.horizon.pipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Security settings reach every client the pipeline creates; secrets never show in the printed connection. */
class KafkaConnectionTest {
  private static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"horizon\" password=\"s3cr3t\";";
  private static final Map<String, String> SERVICE_SETTINGS = Map.of(
      "bootstrap.servers", "broker-0:9093",
      "security.protocol", "SASL_SSL",
      "sasl.mechanism", "SCRAM-SHA-512",
      "sasl.jaas.config", JAAS,
      "ssl.truststore.location", "/etc/horizon/ca.p12",
      "ssl.truststore.password", "trust-pass",
      "ssl.keystore.key", "-----BEGIN PRIVATE KEY-----",
      "health.enabled", "true");

  private static final KafkaConnection CONNECTION = KafkaConnection.of(SERVICE_SETTINGS);

  @Test
  void everySecuritySettingReachesProducerConsumerAndAdmin() {
    for (Properties client : new Properties[] {KafkaSettings.producer(CONNECTION, "p"),
        KafkaSettings.consumer(CONNECTION, "c", "g"), KafkaSettings.admin(CONNECTION)}) {
      SERVICE_SETTINGS.forEach((name, value) -> {
        if (KafkaConnection.isSecurity(name) || name.equals("bootstrap.servers")) {
          assertEquals(value, client.get(name), name);
        }
      });
    }
  }

  @Test
  void settingsOutsideSecurityAreNotPassedOn() {
    assertFalse(KafkaSettings.admin(CONNECTION).containsKey("health.enabled"));
    assertEquals(6, CONNECTION.security().size());
  }

  @Test
  void toStringMasksSecretsButShowsTheRest() {
    String printed = CONNECTION.toString();
    for (String secret : new String[] {"s3cr3t", "trust-pass", "PRIVATE KEY", "ScramLoginModule"}) {
      assertFalse(printed.contains(secret), () -> secret + " printed in " + printed);
    }
    assertTrue(printed.contains("sasl.jaas.config=" + KafkaConnection.MASK), printed);
    assertTrue(printed.contains("security.protocol=SASL_SSL"), printed);
    assertTrue(printed.contains("ssl.truststore.location=/etc/horizon/ca.p12"), printed);
    assertTrue(printed.contains("bootstrap.servers=broker-0:9093"), printed);
  }

  @Test
  void plaintextCarriesOnlyTheBootstrapAddress() {
    Properties admin = KafkaSettings.admin(KafkaConnection.plaintext("127.0.0.1:9092"));
    assertEquals(Map.of("bootstrap.servers", "127.0.0.1:9092"), Map.copyOf(admin));
  }

  @Test
  void missingBootstrapIsRejectedNamingTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KafkaConnection.of(Map.of("security.protocol", "SSL")));
    assertTrue(e.getMessage().startsWith("kafka.bootstrap.servers: "), e.getMessage());
  }
}
