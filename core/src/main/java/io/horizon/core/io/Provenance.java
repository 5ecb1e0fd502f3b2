package io.horizon.core.io;

import io.horizon.core.model.Architecture;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a checkpoint comes from, stored as JSON under {@link CheckpointFile#PROVENANCE_KEY} in the safetensors
 * metadata.
 *
 * @param architecture the model (THEORY §2)
 * @param runSpec the run spec that produced it, as a JSON object
 * @param seeds every seed of the run, by role (for example {@code data}, {@code init}, {@code direction})
 * @param codeVersion the Horizon version or commit that wrote it
 * @param epoch training epochs completed
 * @param metrics finite scalar metrics at that epoch, by name (for example {@code trainLoss})
 */
public record Provenance(Architecture architecture, Map<String, Object> runSpec, Map<String, Long> seeds,
    String codeVersion, int epoch, Map<String, Double> metrics) {

  private static final List<String> FIELDS =
      List.of("architecture", "runSpec", "seeds", "codeVersion", "epoch", "metrics");

  public Provenance {
    if (architecture == null) {
      throw new IllegalArgumentException("architecture: must be given");
    }
    if (codeVersion == null) {
      throw new IllegalArgumentException("codeVersion: must be given");
    }
    requireMap("runSpec", runSpec);
    requireMap("seeds", seeds);
    requireMap("metrics", metrics);
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch: must not be negative, got " + epoch);
    }
    metrics.forEach((k, v) -> {
      if (v == null || !Double.isFinite(v)) {
        throw new IllegalArgumentException("metrics." + k + ": must be finite, got " + v);
      }
    });
    runSpec = Collections.unmodifiableMap(new LinkedHashMap<>(runSpec));
    seeds = Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  private static void requireMap(String field, Map<String, ?> map) {
    if (map == null) {
      throw new IllegalArgumentException(field + ": must be given (it may be empty)");
    }
  }

  /** The JSON text (compact, keys sorted: the same provenance always gives the same text). */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("architecture", architecture.id());
    m.put("runSpec", runSpec);
    m.put("seeds", seeds);
    m.put("codeVersion", codeVersion);
    m.put("epoch", epoch);
    m.put("metrics", metrics);
    return Json.write(m);
  }

  /** Parses {@link #toJson()} text; errors name {@code source} and the field path. */
  public static Provenance fromJson(String json, String source) {
    String path = source + ": " + CheckpointFile.PROVENANCE_KEY;
    SpecNode node = SpecNode.of(Json.object(json, path), path);
    for (String field : FIELDS) {
      if (!node.has(field)) {
        throw new IllegalArgumentException(node.path(field) + ": required field is missing");
      }
    }
    Architecture architecture;
    try {
      architecture = Architecture.parse(node.string("architecture"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(node.path("architecture") + ": " + e.getMessage(), e);
    }
    Map<String, Object> runSpec = node.object("runSpec", Map.of());
    Map<String, Long> seeds = node.integerMap("seeds");
    String codeVersion = node.string("codeVersion");
    int epoch = node.integer("epoch", 0);
    Map<String, Double> metrics = node.realMap("metrics");
    node.rejectUnread();
    return node.build(() -> new Provenance(architecture, runSpec, seeds, codeVersion, epoch, metrics));
  }
}
