package io.horizon.pipeline.kafka;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where the broker is and how to reach it securely: the bootstrap address plus every client security setting
 * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), handed unchanged to each producer, consumer and admin
 * client. {@link #toString} masks secrets (JAAS configuration, passwords, keys, tokens) so it can be logged.
 */
public final class KafkaConnection {
  /** What masked values print as. */
  public static final String MASK = "****";

  private final String bootstrap;
  private final Map<String, String> security;

  private KafkaConnection(String bootstrap, Map<String, String> security) {
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("kafka.bootstrap.servers: must be given, got '" + bootstrap + "'");
    }
    this.bootstrap = bootstrap;
    this.security = Collections.unmodifiableMap(new TreeMap<>(security));
  }

  /** A plaintext connection to {@code bootstrap} (the embedded stack, tests). */
  public static KafkaConnection plaintext(String bootstrap) {
    return new KafkaConnection(bootstrap, Map.of());
  }

  /**
   * The connection described by client settings named without their {@code kafka.} prefix (as in a service's
   * {@code kafka.*} configuration): {@code bootstrap.servers} and the security settings; others are ignored.
   */
  public static KafkaConnection of(Map<String, String> settings) {
    Map<String, String> security = settings.entrySet().stream().filter(e -> isSecurity(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return new KafkaConnection(settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG), security);
  }

  /** Whether a client setting belongs to the connection's security: the protocol, SASL or TLS. */
  public static boolean isSecurity(String name) {
    return name.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG) || name.startsWith("sasl.")
        || name.startsWith("ssl.");
  }

  /** Whether a setting's value is a secret that must never be logged. */
  public static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jaas.config") || lower.contains("password") || lower.endsWith(".key")
        || lower.contains("token") || lower.contains("secret");
  }

  /** The bootstrap address, {@code host:port[,host:port…]}. */
  public String bootstrap() {
    return bootstrap;
  }

  /** The security settings, by client setting name. */
  public Map<String, String> security() {
    return security;
  }

  /** Client settings with the bootstrap address and the security settings, for any Kafka client. */
  public Properties clientProperties() {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.putAll(security);
    return p;
  }

  /** The bootstrap address and the security settings, secrets replaced by {@link #MASK}. */
  @Override
  public String toString() {
    return "KafkaConnection{bootstrap.servers=" + bootstrap + security.entrySet().stream()
        .map(e -> ", " + e.getKey() + "=" + (isSecret(e.getKey()) ? MASK : e.getValue()))
        .collect(Collectors.joining()) + "}";
  }
}
