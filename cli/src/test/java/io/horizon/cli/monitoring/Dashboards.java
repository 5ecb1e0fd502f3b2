package io.horizon.cli.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Grafana dashboards and provisioning files under {@code deploy/grafana} of this checkout, read as JSON. */
final class Dashboards {
  /** One query of one panel: where it is and its PromQL. */
  record Query(String dashboard, int panelId, String panelTitle, String refId, String expr) {
    /** The expression with Grafana's template variables replaced by concrete values. */
    String concrete(Map<String, String> variables) {
      String out = expr;
      for (Map.Entry<String, String> v : variables.entrySet()) {
        out = out.replace("$" + v.getKey(), v.getValue());
      }
      return out;
    }

    @Override
    public String toString() {
      return dashboard + " panel " + panelId + " \"" + panelTitle + "\" " + refId + ": " + expr;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private Dashboards() {}

  /** The checkout's {@code deploy/grafana}: the nearest one above the working directory. */
  static Path grafanaDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path grafana = dir.resolve("deploy").resolve("grafana");
      if (Files.isDirectory(grafana)) {
        return grafana;
      }
    }
    throw new IllegalStateException("deploy/grafana not found above " + Path.of("").toAbsolutePath());
  }

  /** Every dashboard JSON file, sorted by name. */
  static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(grafanaDir().resolve("dashboards"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** A dashboard file parsed (throws on invalid JSON). */
  static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  /** The uid of the data source the provisioning file defines. */
  static String provisionedDatasourceUid() throws IOException {
    JsonNode doc = new YAMLMapper().readTree(
        grafanaDir().resolve("provisioning").resolve("datasources").resolve("prometheus.yml").toFile());
    return doc.path("datasources").path(0).path("uid").asText();
  }

  /** The panels of a dashboard, those nested in rows included. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : dashboard.path("panels")) {
      out.add(p);
      p.path("panels").forEach(out::add);
    }
    return out;
  }

  /** Every query of every panel of every dashboard. */
  static List<Query> queries() throws IOException {
    List<Query> out = new ArrayList<>();
    for (Path file : files()) {
      for (JsonNode panel : panels(read(file))) {
        for (JsonNode target : panel.path("targets")) {
          out.add(new Query(file.getFileName().toString(), panel.path("id").asInt(), panel.path("title").asText(),
              target.path("refId").asText(), target.path("expr").asText()));
        }
      }
    }
    return out;
  }
}
