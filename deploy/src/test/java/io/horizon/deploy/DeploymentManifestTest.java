package io.horizon.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The services' Deployments, Services and ConfigMaps of deploy/k8s fit together and fit the service modules. */
class DeploymentManifestTest {
  private static Manifests manifests;

  @BeforeAll
  static void read() {
    manifests = Manifests.read(Checkout.file("deploy/k8s"));
  }

  private static List<Container> containers(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers();
  }

  private static void assertHttpGet(Probe probe, String path, Container c, String what) {
    assertNotNull(probe, c.getName() + ": " + what + ": missing");
    assertEquals(path, probe.getHttpGet().getPath(), c.getName() + ": " + what + ": path");
    String port = probe.getHttpGet().getPort().getStrVal();
    assertTrue(c.getPorts().stream().anyMatch(p -> p.getName().equals(port)),
        c.getName() + ": " + what + ": port '" + port + "' is not a container port");
  }

  @Test
  void everyContainerHasQuarkusHealthProbes() {
    List<Deployment> deployments = manifests.all(Deployment.class);
    assertFalse(deployments.isEmpty());
    for (Deployment d : deployments) {
      for (Container c : containers(d)) {
        assertHttpGet(c.getReadinessProbe(), "/q/health/ready", c, "readinessProbe");
        assertHttpGet(c.getLivenessProbe(), "/q/health/live", c, "livenessProbe");
      }
    }
  }

  @Test
  void everyConfigMapReferenceExists() {
    for (Deployment d : manifests.all(Deployment.class)) {
      for (Container c : containers(d)) {
        for (EnvVar env : c.getEnv()) {
          ConfigMapKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getConfigMapKeyRef();
          if (ref != null) {
            ConfigMap map = manifests.named(ConfigMap.class, ref.getName()).orElseThrow(() -> new AssertionError(
                d.getMetadata().getName() + ": env " + env.getName() + ": no ConfigMap " + ref.getName()));
            assertTrue(map.getData().containsKey(ref.getKey()),
                d.getMetadata().getName() + ": env " + env.getName() + ": ConfigMap " + ref.getName() + " has no key "
                    + ref.getKey());
          }
        }
        for (EnvFromSource from : c.getEnvFrom()) {
          if (from.getConfigMapRef() != null) {
            assertTrue(manifests.named(ConfigMap.class, from.getConfigMapRef().getName()).isPresent(),
                d.getMetadata().getName() + ": envFrom: no ConfigMap " + from.getConfigMapRef().getName());
          }
        }
      }
    }
  }

  @Test
  void containersListenOnTheirModulesHttpPort() {
    for (Deployment d : manifests.all(Deployment.class)) {
      for (Container c : containers(d)) {
        ServiceModule module = ServiceModule.ofImage(c.getImage());
        assertEquals(List.of(module.httpPort()), c.getPorts().stream().map(ContainerPort::getContainerPort).toList(),
            d.getMetadata().getName() + ": container ports vs " + module.name() + "'s quarkus.http.port");
      }
    }
  }

  @Test
  void everyServiceSelectsOneDeploymentAndANamedPort() {
    for (Service s : manifests.all(Service.class)) {
      Map<String, String> selector = s.getSpec().getSelector();
      List<Deployment> selected = manifests.all(Deployment.class).stream()
          .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
              .containsAll(selector.entrySet())).toList();
      assertEquals(1, selected.size(), s.getMetadata().getName() + ": Deployments selected");
      for (ServicePort port : s.getSpec().getPorts()) {
        String target = port.getTargetPort().getStrVal();
        assertTrue(containers(selected.get(0)).stream().flatMap(c -> c.getPorts().stream())
            .anyMatch(p -> Objects.equals(p.getName(), target) && p.getContainerPort().equals(port.getPort())),
            s.getMetadata().getName() + ": targetPort " + target + " is not the container port " + port.getPort());
      }
    }
  }

  @Test
  void everyServiceConnectsToTheKafkaBootstrapService() {
    Kafka kafka = manifests.all(Kafka.class).get(0);
    GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream().filter(l -> !l.isTls())
        .findFirst().orElseThrow(() -> new AssertionError("Kafka: no listener without TLS"));
    String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort();
    List<ConfigMap> maps = manifests.all(ConfigMap.class);
    assertFalse(maps.isEmpty());
    maps.forEach(m -> assertEquals(bootstrap, m.getData().get("KAFKA_BOOTSTRAP_SERVERS"),
        m.getMetadata().getName() + ": KAFKA_BOOTSTRAP_SERVERS"));
  }
}
