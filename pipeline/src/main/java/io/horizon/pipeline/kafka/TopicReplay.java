package io.horizon.pipeline.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic, from its first record to its end at the time of the call, without a consumer group: how a
 * stage rebuilds its state (campaigns, run statuses, published reports) when it starts. A record that cannot be
 * read is logged with its partition, offset and reason and skipped, so that garbage on a topic never stops a start.
 */
public final class TopicReplay {
  private static final Logger LOG = Logger.getLogger(TopicReplay.class.getName());

  private TopicReplay() {}

  /** Hands every record of {@code topic} to {@code sink}, in order within each partition. */
  public static <V> void readAll(KafkaConnection connection, String topic, Deserializer<V> values,
      Consumer<ConsumerRecord<String, V>> sink) {
    Properties settings = KafkaSettings.consumer(connection, "replay-" + topic, null);
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        try {
          consumer.poll(Duration.ofMillis(200)).forEach(sink);
        } catch (RecordDeserializationException e) {
          LOG.log(Level.WARNING, "replay of " + topic + ": skipped the unreadable record at "
              + e.topicPartition() + "@" + e.offset() + ": " + e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    }
  }
}
