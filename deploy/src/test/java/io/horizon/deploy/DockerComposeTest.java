package io.horizon.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose.yml validates with {@code docker-compose config}, and builds each service as Kubernetes runs it. */
class DockerComposeTest {
  private static final Path COMPOSE = Checkout.file("docker-compose.yml");

  @Test
  void composeFileValidates() {
    DockerCompose.Result result = DockerCompose.config(COMPOSE, "-q");
    assertEquals(0, result.exitCode(), result.stderr());
  }

  @Test
  void anInvalidComposeFileIsRejected(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  app:\n    imagee: busybox\n");
    DockerCompose.Result result = DockerCompose.config(file, "-q");
    assertNotEquals(0, result.exitCode());
    assertTrue(result.stderr().contains("imagee"), result.stderr());
  }

  @Test
  void servicesAreBuiltFromTheirModulesAndPublishTheirPorts() throws IOException {
    DockerCompose.Result result = DockerCompose.config(COMPOSE);
    assertEquals(0, result.exitCode(), result.stderr());
    JsonNode services = new YAMLMapper().readTree(result.stdout()).path("services");
    List<String> built = new ArrayList<>();
    for (Map.Entry<String, JsonNode> service : services.properties()) {
      JsonNode build = service.getValue().path("build");
      if (build.isMissingNode()) {
        continue;
      }
      ServiceModule module = new ServiceModule(Path.of(build.path("context").asText()));
      built.add(module.name());
      String name = service.getKey();
      assertEquals(ServiceModule.DOCKERFILE, build.path("dockerfile").asText(), name + ": build.dockerfile");
      int port = module.httpPort();
      assertEquals(port, module.exposedPort(), name + ": EXPOSE of " + ServiceModule.DOCKERFILE);
      JsonNode published = service.getValue().path("ports").path(0);
      assertEquals(port, published.path("target").asInt(), name + ": ports[0].target");
      assertEquals(port, published.path("published").asInt(), name + ": ports[0].published");
      String bootstrapHost = service.getValue().path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText()
          .split(":")[0];
      assertTrue(services.has(bootstrapHost), name + ": KAFKA_BOOTSTRAP_SERVERS: no service " + bootstrapHost);
    }
    List<String> deployed = Manifests.read(Checkout.file("deploy/k8s")).all(Deployment.class).stream()
        .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
        .map(c -> ServiceModule.ofImage(c.getImage()).name()).toList();
    assertEquals(new TreeSet<>(deployed), new TreeSet<>(built), "modules built by compose vs deployed on Kubernetes");
  }
}
