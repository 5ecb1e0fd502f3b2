package io.horizon.pipeline.kafka;

import io.horizon.proto.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Partitions and settings of the pipeline's topics: run status and training state compacted (the latest per run
 * id), records up to {@link #MAX_RECORD_BYTES}, and as many partitions per topic as the stage consuming it may
 * have replicas.
 */
public final class TopicLayout {
  /** Largest record: a float32 checkpoint of a few hundred thousand parameters, or a sample chunk, fits. */
  public static final int MAX_RECORD_BYTES = 8 << 20;

  private TopicLayout() {}

  /** Creates the missing topics with {@code partitions} partitions each and {@code replication} replicas. */
  public static void ensure(KafkaConnection connection, int partitions, short replication) {
    try (Admin admin = Admin.create(KafkaSettings.admin(connection))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : Topics.ALL) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, partitions, replication).configs(configs(topic)));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException("creating topics: " + e.getCause().getMessage(), e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("creating topics: interrupted", e);
    }
  }

  private static Map<String, String> configs(String topic) {
    String size = Integer.toString(MAX_RECORD_BYTES);
    return Topics.COMPACTED.contains(topic)
        ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, size)
        : Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, size);
  }
}
