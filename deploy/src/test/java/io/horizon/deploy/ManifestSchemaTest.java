package io.horizon.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every manifest of deploy/k8s is a valid resource of its kind, and the check itself rejects what kubectl would. */
class ManifestSchemaTest {
  private static final YAMLMapper MAPPER = Manifests.strictMapper();

  private static HasMetadata parse(String yaml) throws JsonProcessingException {
    return Manifests.resource(MAPPER, MAPPER.readTree(yaml), "test.yaml[0]");
  }

  @Test
  void everyManifestReadsIntoItsModelAndEveryKindIsPresent() {
    Manifests manifests = Manifests.read(Checkout.file("deploy/k8s"));
    Set<Class<?>> present = manifests.all().stream().map(Object::getClass).collect(Collectors.toSet());
    Arrays.stream(ManifestKind.values())
        .forEach(k -> assertTrue(present.contains(k.model), "deploy/k8s has no " + k.kind));
    manifests.all().forEach(r -> assertFalse(r.getMetadata().getName().isBlank(), r.getKind() + " without a name"));
  }

  @Test
  void aValidDocumentIsAccepted() throws JsonProcessingException {
    HasMetadata map = parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  K: \"8\"\n");
    assertEquals("m", map.getMetadata().getName());
  }

  @Test
  void aMisspelledKubernetesFieldIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replica: 2\n"));
    assertTrue(e.getMessage().startsWith("test.yaml[0]: Deployment: "), e.getMessage());
    assertTrue(e.getMessage().contains("\"replica\""), e.getMessage());
  }

  @Test
  void aMisspelledStrimziFieldIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(
        "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partition: 8\n"));
    assertTrue(e.getMessage().contains("\"partition\""), e.getMessage());
  }

  @Test
  void aNumberWhereTextBelongsIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  K: 8\n"));
    assertTrue(e.getMessage().startsWith("test.yaml[0]: ConfigMap: "), e.getMessage());
  }

  @Test
  void aKindWithoutModelIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parse("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"));
    assertTrue(e.getMessage().startsWith("test.yaml[0]: kind: no model for apiVersion 'v1' kind 'Pod'"),
        e.getMessage());
  }
}
