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
  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(Path file) {
    try {
      Object root = YAML.readValue(Files.readString(file), Object.class);
      if (!(root instanceof Map<?, ?>)) {
        throw new IllegalArgumentException(file + ": must hold a mapping of fields at the top level");
      }
      return (Map<String, Object>) root;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not valid YAML at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
