package io.horizon.core;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths and lines of the committed reference files under {@code core/src/test/resources}. */
public final class TestResources {
  private TestResources() {}

  /** The path of a committed resource; fails with the resource name when it is missing. */
  public static Path path(String resource) {
    URL url = TestResources.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("test resource missing: " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource URL " + url, e);
    }
  }

  /** The non-empty lines of a committed text resource. */
  public static List<String> lines(String resource) throws IOException {
    return Files.readAllLines(path(resource)).stream().filter(l -> !l.isBlank()).toList();
  }
}
