package io.horizon.pipeline.campaign;

import io.horizon.core.io.YamlFiles;
import io.horizon.proto.v1.CampaignSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Campaign files (docs/campaigns.md) and the built-in presets: YAML in, a validated {@link CampaignSpec} with every
 * default filled in out. Bad fields are rejected naming their full path and the reason.
 */
public final class CampaignFiles {
  private static final List<String> PRESETS = List.of("quick", "paper-lw", "paper-lw-cpu", "paper-lw-cpu-sgd",
      "paper-lw-cpu-momentum", "tsc-s1", "tsc-s2", "tsc-s2-plain", "anticollapse");

  private CampaignFiles() {}

  /** Reads and validates a campaign file; errors start with the file name and the field's path. */
  public static CampaignSpec read(Path yaml) {
    return validated(YamlFiles.read(yaml), yaml.toString());
  }

  /** Parses and validates campaign YAML; errors start with {@code source} and the field's path. */
  public static CampaignSpec parse(String yaml, String source) {
    return validated(YamlFiles.parse(yaml, source), source);
  }

  /** A built-in campaign by name (see {@link #presets()}). */
  public static CampaignSpec preset(String name) {
    if (!PRESETS.contains(name)) {
      throw new IllegalArgumentException(
          "preset: unknown campaign '" + name + "' (expected one of " + String.join(", ", PRESETS) + ")");
    }
    String file = name + ".yaml";
    try (InputStream in = CampaignFiles.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("preset " + file + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of the built-in campaigns. */
  public static List<String> presets() {
    return PRESETS;
  }

  private static CampaignSpec validated(Map<String, Object> root, String source) {
    return CampaignValidation.validate(CampaignYaml.read(root, source), source);
  }
}
