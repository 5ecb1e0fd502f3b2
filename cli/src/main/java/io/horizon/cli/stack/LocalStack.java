package io.horizon.cli.stack;

import io.horizon.broker.FreePorts;
import io.horizon.broker.KraftBroker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;

/**
 * A Kafka broker and the given services, each a child process on loopback, started in order under
 * {@code <out>/stack} and stopped in reverse order on {@link #close()} or when this JVM exits.
 */
public final class LocalStack implements AutoCloseable {

  /** How long a service may take to become ready. */
  public static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(120);

  private final PrintStream progress;
  private final KraftBroker broker;
  private final List<ServiceProcess> processes = new ArrayList<>();
  private final Map<String, RunningService> services = new LinkedHashMap<>();
  private final List<String> order = new ArrayList<>();
  private final Thread stopOnExit = new Thread(this::stopAll, "stop local stack");

  private LocalStack(KraftBroker broker, PrintStream progress) {
    this.broker = broker;
    this.progress = progress;
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Starts the broker in {@code <out>/stack/kafka}, then the services all at once, each with its log in
   * {@code <out>/stack/<name>.log}; prints a line per step to {@code progress}. Each service gets
   * {@code kafka.bootstrap.servers} besides its own properties.
   */
  public static LocalStack start(Path out, List<ServiceDefinition> definitions, PrintStream progress) {
    Path dir = out.resolve("stack");
    long began = System.nanoTime();
    LocalStack stack = new LocalStack(KraftBroker.start(brokerDataDir(out)), progress);
    stack.report("kafka up on " + stack.bootstrapServers(), began);
    try {
      createDirectories(dir);
      Set<String> names = new HashSet<>();
      for (ServiceDefinition definition : definitions) {
        if (!names.add(definition.name())) {
          throw new IllegalArgumentException(definition.name() + ": service defined twice");
        }
      }
      definitions.parallelStream().forEach(d -> stack.startService(d, dir.resolve(d.name() + ".log")));
      stack.order.addAll(definitions.stream().map(ServiceDefinition::name).toList());
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  /** Where the stack under {@code out} keeps the broker's data (kept between starts). */
  public static Path brokerDataDir(Path out) {
    return out.resolve("stack").resolve("kafka");
  }

  /** Returns the broker's {@code bootstrap.servers} address. */
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** Returns where the service called {@code name} listens. */
  public RunningService service(String name) {
    RunningService service = services.get(name);
    if (service == null) {
      throw new IllegalArgumentException("service: no service called " + name + " in the stack, only "
          + services.keySet());
    }
    return service;
  }

  /** Returns the running services in the order they were defined. */
  public List<RunningService> services() {
    return order.stream().map(services::get).toList();
  }

  /** Stops the services in reverse order, then the broker; its data and the logs stay under {@code <out>/stack}. */
  @Override
  public void close() {
    long began = System.nanoTime();
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to run; it finds everything already stopped
    }
    report("stopped", began);
  }

  private void startService(ServiceDefinition definition, Path log) {
    long began = System.nanoTime();
    int httpPort = definition.httpPort() != 0 ? definition.httpPort() : FreePorts.pick(1)[0];
    Map<String, String> properties = new HashMap<>(definition.properties());
    properties.put("kafka.bootstrap.servers", bootstrapServers());
    ServiceProcess process = ServiceProcess.start(definition.name(), definition.jar(), httpPort, properties,
        definition.jvmOptions(), log, SERVICE_READY_TIMEOUT);
    RunningService service = new RunningService(definition.name(), httpPort);
    synchronized (this) {
      processes.add(process);
      services.put(service.name(), service);
    }
    report(service.name() + " up on " + service.httpAddress() + " (gRPC, health, metrics)", began);
  }

  private synchronized void stopAll() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    processes.clear();
    broker.close();
  }

  private void report(String event, long beganNanos) {
    double seconds = (System.nanoTime() - beganNanos) / 1e9;
    progress.println(String.format(Locale.ROOT, "stack: %s (%.1f s)", event, seconds));
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }
}
