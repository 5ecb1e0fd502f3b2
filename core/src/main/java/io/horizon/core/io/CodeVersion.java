package io.horizon.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The code version recorded in checkpoints and reports: the build's Maven version, plus the git commit when the
 * launcher passes it as the {@code horizon.commit} system property (for example {@code 0.1.0-SNAPSHOT+3f2a9c1}).
 */
public final class CodeVersion {
  /** System property carrying the git commit. */
  public static final String COMMIT_PROPERTY = "horizon.commit";

  private CodeVersion() {}

  /** The version of the running code. */
  public static String current() {
    Properties p = new Properties();
    try (InputStream in = CodeVersion.class.getResourceAsStream("/io/horizon/core/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = p.getProperty("version", "development");
    String commit = System.getProperty(COMMIT_PROPERTY, "");
    return commit.isBlank() ? version : version + "+" + commit;
  }
}
