package io.horizon.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** A service's Maven module in the checkout: its HTTP port and its JVM-mode Dockerfile. */
record ServiceModule(Path dir) {
  /** Where each service keeps its Dockerfile, relative to the module. */
  static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";

  /** The module that an image {@code horizon/<module>:<version>} is built from. */
  static ServiceModule ofImage(String image) {
    String repository = image.substring(0, image.lastIndexOf(':'));
    return new ServiceModule(Checkout.file(repository.substring(repository.indexOf('/') + 1)));
  }

  /** The module's name (its folder). */
  String name() {
    return dir.getFileName().toString();
  }

  /** {@code quarkus.http.port} of the module's application.properties: gRPC, health and metrics. */
  int httpPort() {
    Path file = dir.resolve("src/main/resources/application.properties");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
    return Integer.parseInt(properties.getProperty("quarkus.http.port"));
  }

  /** The single port its Dockerfile's EXPOSE line names. */
  int exposedPort() {
    Path file = dir.resolve(DOCKERFILE);
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith("EXPOSE ")).map(l -> l.substring(7).trim())
          .map(Integer::parseInt).reduce((a, b) -> {
            throw new IllegalArgumentException(file + ": EXPOSE: more than one port");
          }).orElseThrow(() -> new IllegalArgumentException(file + ": EXPOSE: missing"));
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }
}
