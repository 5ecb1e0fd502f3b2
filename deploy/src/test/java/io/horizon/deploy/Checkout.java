package io.horizon.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository checkout under test (system property {@code horizon.checkout}, set by deploy/pom.xml). */
final class Checkout {
  private Checkout() {}

  /** The checkout's root folder. */
  static Path root() {
    String root = System.getProperty("horizon.checkout");
    if (root == null) {
      throw new IllegalStateException("system property horizon.checkout is not set: run the tests through Maven");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  /** A path under the root that must exist. */
  static Path file(String relative) {
    Path path = root().resolve(relative);
    if (!Files.exists(path)) {
      throw new IllegalStateException(relative + ": not found under " + root());
    }
    return path;
  }
}
