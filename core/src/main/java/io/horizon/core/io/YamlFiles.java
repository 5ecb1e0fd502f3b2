package io.horizon.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Reads YAML spec files (run files, campaign files) into plain maps for {@link SpecNode}. */
public final class YamlFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlFiles() {}

  /** The top-level mapping of {@code file}; errors name the file and, for syntax errors, the line. */
  public static Map<String, Object> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    return parse(text, file.toString());
  }

  /** The top-level mapping of YAML {@code text}; errors name {@code source} and, for syntax errors, the line. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String text, String source) {
    try {
      Object root = YAML.readValue(text, Object.class);
      if (!(root instanceof Map<?, ?>)) {
        throw new IllegalArgumentException(source + ": must hold a mapping of fields at the top level");
      }
      return (Map<String, Object>) root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid YAML at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
    }
  }
}
