package io.horizon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real single-node KRaft Kafka broker running as a child process from the jars in {@code broker/target/kafka-lib}.
 * Its configuration, Kafka data and log stay in the data directory; closing stops the process and deletes nothing.
 */
public final class KraftBroker implements AutoCloseable {

  /** Largest record value, in bytes, that the broker accepts (8 MiB). */
  public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

  private static final String HOST = "127.0.0.1";
  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final int CONNECT_TIMEOUT_MILLIS = 200;
  private static final List<String> JVM_OPTIONS = List.of(
      "-Xms64m", "-Xmx512m", "-Djava.awt.headless=true",
      "-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");

  private final ChildJvm process;
  private final int port;
  private final int controllerPort;
  private final Path dataDir;
  private final Path kafkaLib;

  private KraftBroker(ChildJvm process, int port, int controllerPort, Path dataDir, Path kafkaLib) {
    this.process = process;
    this.port = port;
    this.controllerPort = controllerPort;
    this.dataDir = dataDir;
    this.kafkaLib = kafkaLib;
  }

  /** Starts a broker keeping its state in {@code dataDir}, with the jars found by {@link KafkaLib#locate()}. */
  public static KraftBroker start(Path dataDir) {
    return start(dataDir, KafkaLib.locate());
  }

  /**
   * Starts a broker keeping its state in {@code dataDir}, with the jars in {@code kafkaLib}; a data directory
   * formatted before is started again with its topics and records (new ports, same cluster).
   */
  public static KraftBroker start(Path dataDir, Path kafkaLib) {
    int[] ports = FreePorts.pick(2);
    return launch(dataDir, kafkaLib, ports[0], ports[1]);
  }

  /**
   * Stops this broker (SIGTERM, as an operator would) and starts it again on the same data directory and the same
   * ports, so that clients reconnect to the address they know; returns the new broker.
   */
  public KraftBroker restart() {
    close();
    return launch(dataDir, kafkaLib, port, controllerPort);
  }

  private static KraftBroker launch(Path dataDir, Path kafkaLib, int brokerPort, int controllerPort) {
    String classpath = KafkaLib.require(kafkaLib, "kafkaLib").toAbsolutePath().resolve("*").toString();
    createDirectories(dataDir);
    Path config = dataDir.resolve("server.properties").toAbsolutePath();
    KraftServerProperties.write(
        KraftServerProperties.of(brokerPort, controllerPort, dataDir.resolve("kafka-logs")), config);
    Path log = dataDir.resolve("broker.log");
    if (!Files.exists(dataDir.resolve("kafka-logs").resolve("meta.properties"))) {
      format(classpath, config, log);
    }
    ChildJvm broker = ChildJvm.launch("kafka broker", javaArguments(classpath, "kafka.Kafka", config.toString()), log);
    broker.awaitReady("accepting connections on " + HOST + ":" + brokerPort, READY_TIMEOUT,
        () -> accepts(brokerPort));
    return new KraftBroker(broker, brokerPort, controllerPort, dataDir, kafkaLib);
  }

  /** Deletes a (stopped) broker's data directory and everything in it, if it exists. */
  public static void deleteData(Path dataDir) {
    if (!Files.exists(dataDir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the broker data directory " + dataDir, e);
    }
  }

  /** Returns the {@code bootstrap.servers} value for clients, {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  /** Returns the directory holding server.properties, the Kafka data ({@code kafka-logs}) and broker.log. */
  public Path dataDir() {
    return dataDir;
  }

  /** Returns the broker's log file. */
  public Path logFile() {
    return process.log();
  }

  /** Returns the operating-system id of the broker process. */
  public long pid() {
    return process.pid();
  }

  /** Stops the broker (SIGTERM, then a kill if it does not exit in time); the data directory is kept. */
  @Override
  public void close() {
    process.stop();
  }

  private static void format(String classpath, Path config, Path log) {
    ChildJvm formatter = ChildJvm.launch("kafka storage format", javaArguments(classpath, "kafka.tools.StorageTool",
        "format", "--cluster-id", randomClusterId(), "--config", config.toString(), "--ignore-formatted"), log);
    int exitCode = formatter.awaitExit(FORMAT_TIMEOUT);
    if (exitCode != 0) {
      throw formatter.failure("kafka storage format exited with code " + exitCode);
    }
  }

  private static List<String> javaArguments(String classpath, String mainClass, String... arguments) {
    List<String> all = new ArrayList<>(JVM_OPTIONS);
    all.addAll(List.of("-cp", classpath, mainClass));
    all.addAll(List.of(arguments));
    return all;
  }

  /**
   * Kafka's cluster id form: the 16 bytes of a random UUID in URL-safe base64 without padding, drawn again when it
   * starts with '-' (the storage tool would read such an id as an option and refuse to format).
   */
  static String randomClusterId() {
    String id;
    do {
      UUID uuid = UUID.randomUUID();
      ByteBuffer bytes = ByteBuffer.allocate(2 * Long.BYTES)
          .putLong(uuid.getMostSignificantBits())
          .putLong(uuid.getLeastSignificantBits());
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    } while (id.startsWith("-"));
    return id;
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker data directory " + dir, e);
    }
  }
}
