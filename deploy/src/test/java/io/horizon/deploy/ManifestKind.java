package io.horizon.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of resource deploy/k8s may hold, each with its apiVersion and its Fabric8 or Strimzi model class. */
enum ManifestKind {
  CONFIG_MAP("v1", "ConfigMap", ConfigMap.class),
  SERVICE("v1", "Service", Service.class),
  DEPLOYMENT("apps/v1", "Deployment", Deployment.class),
  HORIZONTAL_POD_AUTOSCALER("autoscaling/v2", "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
  KAFKA("kafka.strimzi.io/v1beta2", "Kafka", Kafka.class),
  KAFKA_NODE_POOL("kafka.strimzi.io/v1beta2", "KafkaNodePool", KafkaNodePool.class),
  KAFKA_TOPIC("kafka.strimzi.io/v1beta2", "KafkaTopic", KafkaTopic.class);

  final String apiVersion;
  final String kind;
  final Class<? extends HasMetadata> model;

  ManifestKind(String apiVersion, String kind, Class<? extends HasMetadata> model) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.model = model;
  }

  /** The kind with this apiVersion and kind, if deploy/k8s may hold it. */
  static Optional<ManifestKind> of(String apiVersion, String kind) {
    return Arrays.stream(values()).filter(k -> k.apiVersion.equals(apiVersion) && k.kind.equals(kind)).findFirst();
  }
}
