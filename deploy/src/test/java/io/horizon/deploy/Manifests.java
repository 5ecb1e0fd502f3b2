package io.horizon.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every resource of a folder of Kubernetes manifests ({@code *.yaml}, several documents per file), each read into
 * its Fabric8 or Strimzi model with unknown fields and loosely typed scalars rejected, as the API server would.
 */
final class Manifests {
  private final List<HasMetadata> resources;

  private Manifests(List<HasMetadata> resources) {
    this.resources = List.copyOf(resources);
  }

  /** A mapper that fails on fields the model does not have and on numbers or booleans where text belongs. */
  static YAMLMapper strictMapper() {
    YAMLMapper mapper = YAMLMapper.builder(new YAMLFactory())
        .annotationIntrospector(new StrictIntrospector())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** Reads every {@code *.yaml} file under {@code folder}; bad input names the file and document index. */
  static Manifests read(Path folder) {
    YAMLMapper mapper = strictMapper();
    List<HasMetadata> resources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        resources.addAll(readFile(mapper, file, folder.relativize(file).toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + folder, e);
    }
    return new Manifests(resources);
  }

  private static List<HasMetadata> readFile(YAMLMapper mapper, Path file, String name) throws IOException {
    List<HasMetadata> resources = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = mapper.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (documents.hasNext()) {
        resources.add(resource(mapper, documents.next(), name + "[" + resources.size() + "]"));
      }
    }
    return resources;
  }

  /** One document as its model; {@code path} names it in error messages. */
  static HasMetadata resource(YAMLMapper mapper, JsonNode document, String path) {
    String apiVersion = document.path("apiVersion").asText();
    String kind = document.path("kind").asText();
    ManifestKind known = ManifestKind.of(apiVersion, kind).orElseThrow(() -> new IllegalArgumentException(
        path + ": kind: no model for apiVersion '" + apiVersion + "' kind '" + kind + "'"));
    try {
      return mapper.treeToValue(document, known.model);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(path + ": " + kind + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Every resource of this type, in file order. */
  <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The resource of this type and name, if there is one. */
  <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
    return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
  }

  /** Every resource read. */
  List<HasMetadata> all() {
    return resources;
  }
}
