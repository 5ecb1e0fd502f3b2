package io.horizon.broker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a {@link KraftBroker} for a {@code @QuarkusTest} and hands the application its address. The broker's data
 * lives in a fresh temporary directory that is deleted afterwards, unless the init argument {@value #DATA_DIR_ARG}
 * names a directory to keep.
 */
public final class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

  /** Init argument naming a data directory that is kept after the tests. */
  public static final String DATA_DIR_ARG = "data-dir";
  /** The one configuration property this resource supplies. */
  public static final String BOOTSTRAP_PROPERTY = "kafka.bootstrap.servers";

  private Path keptDataDir;
  private Path dataDir;
  private KraftBroker broker;

  /** Reads the optional {@value #DATA_DIR_ARG} argument. */
  @Override
  public void init(Map<String, String> initArgs) {
    String dir = initArgs.get(DATA_DIR_ARG);
    keptDataDir = dir == null ? null : Path.of(dir);
  }

  /** Starts the broker and returns {@code kafka.bootstrap.servers} for the application under test. */
  @Override
  public Map<String, String> start() {
    dataDir = keptDataDir != null ? keptDataDir : temporaryDirectory();
    broker = KraftBroker.start(dataDir);
    return Map.of(BOOTSTRAP_PROPERTY, broker.bootstrapServers());
  }

  /** Stops the broker and deletes its data unless it was asked to be kept. */
  @Override
  public void stop() {
    if (broker != null) {
      broker.close();
      broker = null;
    }
    if (keptDataDir == null && dataDir != null) {
      KraftBroker.deleteData(dataDir);
      dataDir = null;
    }
  }

  /** Returns the data directory of the running broker, or null when none runs. */
  Path dataDir() {
    return dataDir;
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("horizon-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the Kafka broker", e);
    }
  }
}
