package io.horizon.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HorizontalPodAutoscalers scale the estimator and diagnostics Deployments, never past one replica per
 * partition of the topics they consume (annotation {@value #CONSUMES}).
 */
class AutoscalingManifestTest {
  /** Annotation of a Deployment: the topics it consumes in a consumer group, comma-separated. */
  static final String CONSUMES = "horizon.io/consumes";

  private static Manifests manifests;

  @BeforeAll
  static void read() {
    manifests = Manifests.read(Checkout.file("deploy/k8s"));
  }

  private static Deployment target(HorizontalPodAutoscaler hpa) {
    CrossVersionObjectReference ref = hpa.getSpec().getScaleTargetRef();
    assertEquals("apps/v1", ref.getApiVersion(), hpa.getMetadata().getName() + ": scaleTargetRef.apiVersion");
    assertEquals("Deployment", ref.getKind(), hpa.getMetadata().getName() + ": scaleTargetRef.kind");
    return manifests.named(Deployment.class, ref.getName()).orElseThrow(() -> new AssertionError(
        hpa.getMetadata().getName() + ": scaleTargetRef: no Deployment " + ref.getName()));
  }

  private static List<String> consumedTopics(Deployment d) {
    String topics = d.getMetadata().getAnnotations() == null ? null : d.getMetadata().getAnnotations().get(CONSUMES);
    return topics == null ? List.of() : List.of(topics.split(","));
  }

  private static int partitions(String topic) {
    return manifests.all(KafkaTopic.class).stream().filter(t -> t.getSpec().getTopicName().equals(topic))
        .findFirst().orElseThrow(() -> new AssertionError(CONSUMES + ": no KafkaTopic " + topic))
        .getSpec().getPartitions();
  }

  @Test
  void estimatorAndDiagnosticsAreScaled() {
    Set<String> targets = manifests.all(HorizontalPodAutoscaler.class).stream()
        .map(h -> target(h).getMetadata().getName()).collect(Collectors.toSet());
    assertEquals(Set.of("horizon-estimator", "horizon-diagnostics"), targets);
  }

  @Test
  void scaledReplicasNeverOutnumberPartitions() {
    for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
      Deployment d = target(hpa);
      List<String> topics = consumedTopics(d);
      assertFalse(topics.isEmpty(), d.getMetadata().getName() + ": scaled but has no " + CONSUMES + " annotation");
      int max = hpa.getSpec().getMaxReplicas();
      assertTrue(hpa.getSpec().getMinReplicas() <= max, hpa.getMetadata().getName() + ": minReplicas > maxReplicas");
      topics.forEach(t -> assertTrue(partitions(t) >= max,
          hpa.getMetadata().getName() + ": maxReplicas " + max + " > partitions of " + t + " (" + partitions(t) + ")"));
    }
  }

  @Test
  void fixedReplicasNeverOutnumberPartitions() {
    for (Deployment d : manifests.all(Deployment.class)) {
      consumedTopics(d).forEach(t -> assertTrue(partitions(t) >= d.getSpec().getReplicas(),
          d.getMetadata().getName() + ": replicas > partitions of " + t));
    }
  }

  @Test
  void cpuTargetsHaveCpuRequests() {
    for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
      boolean onCpu = hpa.getSpec().getMetrics().stream().map(MetricSpec::getResource)
          .anyMatch(r -> r != null && r.getName().equals("cpu"));
      if (onCpu) {
        target(hpa).getSpec().getTemplate().getSpec().getContainers().forEach(c -> assertNotNull(
            c.getResources().getRequests().get("cpu"),
            hpa.getMetadata().getName() + ": scales on cpu but container " + c.getName() + " requests none"));
      }
    }
  }
}
