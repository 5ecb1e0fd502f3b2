package io.horizon.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.proto.Topics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Strimzi resources: one KRaft cluster with node pools, and exactly the pipeline's topics with their settings. */
class KafkaManifestTest {
  private static final String CLUSTER_LABEL = "strimzi.io/cluster";

  private static Manifests manifests;
  private static Kafka kafka;

  @BeforeAll
  static void read() {
    manifests = Manifests.read(Checkout.file("deploy/k8s"));
    List<Kafka> clusters = manifests.all(Kafka.class);
    assertEquals(1, clusters.size(), "Kafka resources");
    kafka = clusters.get(0);
  }

  private static String brokerConfig(String key) {
    return String.valueOf(kafka.getSpec().getKafka().getConfig().get(key));
  }

  @Test
  void clusterRunsInKraftModeOnNodePools() {
    Map<String, String> annotations = kafka.getMetadata().getAnnotations();
    assertEquals("enabled", annotations.get("strimzi.io/kraft"), "Kafka: strimzi.io/kraft");
    assertEquals("enabled", annotations.get("strimzi.io/node-pools"), "Kafka: strimzi.io/node-pools");
    assertNull(kafka.getSpec().getZookeeper(), "Kafka: spec.zookeeper in KRaft mode");
    List<KafkaNodePool> pools = manifests.all(KafkaNodePool.class);
    assertTrue(pools.stream().anyMatch(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER)), "controllers");
    assertTrue(pools.stream().anyMatch(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER)), "brokers");
    pools.forEach(p -> assertEquals(kafka.getMetadata().getName(), p.getMetadata().getLabels().get(CLUSTER_LABEL),
        p.getMetadata().getName() + ": " + CLUSTER_LABEL));
  }

  @Test
  void topicsAreExactlyThePipelinesTopics() {
    List<String> names = manifests.all(KafkaTopic.class).stream().map(t -> t.getSpec().getTopicName()).toList();
    assertEquals(Topics.ALL.stream().sorted().toList(), names.stream().sorted().toList());
  }

  @Test
  void topicsBelongToTheClusterAndFitItsBrokers() {
    int brokers = manifests.all(KafkaNodePool.class).stream()
        .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
        .mapToInt(p -> p.getSpec().getReplicas()).sum();
    for (KafkaTopic t : manifests.all(KafkaTopic.class)) {
      String name = t.getSpec().getTopicName();
      assertEquals(kafka.getMetadata().getName(), t.getMetadata().getLabels().get(CLUSTER_LABEL),
          name + ": " + CLUSTER_LABEL);
      int replicas = t.getSpec().getReplicas();
      assertTrue(replicas <= brokers, name + ": replicas " + replicas + " > brokers " + brokers);
      int minInSync = Integer.parseInt(String.valueOf(t.getSpec().getConfig().get("min.insync.replicas")));
      assertTrue(minInSync < replicas, name + ": min.insync.replicas leaves no replica to lose");
    }
  }

  @Test
  void onlyTheLatestStateTopicsAreCompacted() {
    for (KafkaTopic t : manifests.all(KafkaTopic.class)) {
      boolean compacted = "compact".equals(t.getSpec().getConfig().get("cleanup.policy"));
      assertEquals(Topics.COMPACTED.contains(t.getSpec().getTopicName()), compacted,
          t.getSpec().getTopicName() + ": cleanup.policy compact");
    }
  }

  @Test
  void everyTopicTakesTheBrokersLargestRecord() {
    String largest = brokerConfig("message.max.bytes");
    assertEquals(largest, brokerConfig("replica.fetch.max.bytes"), "Kafka: replica.fetch.max.bytes");
    manifests.all(KafkaTopic.class).forEach(t -> assertEquals(largest,
        String.valueOf(t.getSpec().getConfig().get("max.message.bytes")),
        t.getSpec().getTopicName() + ": max.message.bytes"));
  }
}
