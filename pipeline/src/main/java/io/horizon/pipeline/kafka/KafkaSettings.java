package io.horizon.pipeline.kafka;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Client settings every service uses: idempotent producers that wait for the broker, manual-commit consumers, each
 * with the connection's bootstrap address and security settings.
 */
public final class KafkaSettings {
  private KafkaSettings() {}

  /** An idempotent producer (acks=all, ordered retries) allowed records up to {@link TopicLayout#MAX_RECORD_BYTES}. */
  public static Properties producer(KafkaConnection connection, String clientId) {
    Properties p = connection.clientProperties();
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(TopicLayout.MAX_RECORD_BYTES));
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return p;
  }

  /**
   * A consumer of group {@code group} (null: no group, partitions assigned by hand) that commits only when told,
   * starting from the earliest record when the group has no offset yet.
   */
  public static Properties consumer(KafkaConnection connection, String clientId, String group) {
    Properties p = connection.clientProperties();
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    if (group != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(TopicLayout.MAX_RECORD_BYTES));
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(4 * TopicLayout.MAX_RECORD_BYTES));
    p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Integer.toString(30 * 60 * 1000));
    return p;
  }

  /** An admin client's settings: the connection alone. */
  public static Properties admin(KafkaConnection connection) {
    return connection.clientProperties();
  }
}
