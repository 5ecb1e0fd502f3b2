package io.horizon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the folder of Kafka broker jars ({@code broker/target/kafka-lib}) that the child broker runs from. */
public final class KafkaLib {

  /** System property naming the folder of broker jars directly. */
  public static final String LIB_PROPERTY = "horizon.kafka.lib";
  /** System property naming the Horizon checkout, searched before the working directory. */
  public static final String ROOT_PROPERTY = "horizon.root";

  private static final Path RELATIVE = Path.of("broker", "target", "kafka-lib");
  private static final String BROKER_JAR_PREFIX = "kafka_2.13-";
  private static final String BUILD_HINT = "build it with ./mvnw -pl broker package";

  private KafkaLib() {}

  /**
   * Returns the folder named by {@value #LIB_PROPERTY}, else {@code broker/target/kafka-lib} under
   * {@value #ROOT_PROPERTY} (or the working directory) or the nearest parent that has one.
   */
  public static Path locate() {
    return locate(System.getProperty(LIB_PROPERTY), System.getProperty(ROOT_PROPERTY), Path.of(""));
  }

  /** {@link #locate()} with the two properties and the working directory given. */
  static Path locate(String libProperty, String rootProperty, Path workingDirectory) {
    if (libProperty != null) {
      return require(Path.of(libProperty), LIB_PROPERTY);
    }
    Path start = (rootProperty != null ? Path.of(rootProperty) : workingDirectory).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (holdsBrokerJars(dir.resolve(RELATIVE))) {
        return dir.resolve(RELATIVE);
      }
    }
    throw new IllegalStateException("no Kafka broker jars: looked for " + RELATIVE + " in " + start
        + " and its parents; " + BUILD_HINT);
  }

  /** Returns {@code folder} if it holds the broker jars, else throws naming {@code what} and how to build them. */
  public static Path require(Path folder, String what) {
    if (!holdsBrokerJars(folder)) {
      throw new IllegalArgumentException(what + ": no Kafka broker jars (" + BROKER_JAR_PREFIX + "*.jar) in "
          + folder.toAbsolutePath() + "; " + BUILD_HINT);
    }
    return folder;
  }

  private static boolean holdsBrokerJars(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString())
          .anyMatch(file -> file.startsWith(BROKER_JAR_PREFIX) && file.endsWith(".jar"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }
}
