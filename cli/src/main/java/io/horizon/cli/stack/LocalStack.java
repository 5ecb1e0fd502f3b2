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
 * {@code <out>/stack} and stopped in reverse order on {@link #close()} or when this JVM exits. A service can be
 * killed and restarted on its port, and the broker restarted on its data directory and address.
 */
public final class LocalStack implements AutoCloseable {

  /** How long a service may take to become ready. */
  public static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(120);

  private final PrintStream progress;
  private final Path dir;
  private KraftBroker broker;
  private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
  private final Map<String, ServiceDefinition> started = new HashMap<>();
  private final Map<String, RunningService> services = new LinkedHashMap<>();
  private final List<String> order = new ArrayList<>();
  private final Thread stopOnExit = new Thread(this::stopAll, "stop local stack");

  private LocalStack(KraftBroker broker, Path dir, PrintStream progress) {
    this.broker = broker;
    this.dir = dir;
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
    LocalStack stack = new LocalStack(KraftBroker.start(brokerDataDir(out)), dir, progress);
    stack.report("kafka up on " + stack.bootstrapServers(), began);
    try {
      createDirectories(dir);
      Set<String> names = new HashSet<>();
      for (ServiceDefinition definition : definitions) {
        if (!names.add(definition.name())) {
          throw new IllegalArgumentException(definition.name() + ": service defined twice");
        }
      }
      definitions.parallelStream().forEach(stack::startService);
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

  /** Kills the service called {@code name} at once (SIGKILL, as {@code kill -9}); {@link #restart} starts it again. */
  public void kill(String name) {
    long began = System.nanoTime();
    ServiceProcess process;
    synchronized (this) {
      service(name);
      process = processes.remove(name);
    }
    if (process != null) {
      process.kill();
    }
    report(name + " killed", began);
  }

  /**
   * Starts the service called {@code name} again, on the same port with the same settings and log, after a
   * {@link #kill}; a service still running is stopped first (SIGTERM).
   */
  public void restart(String name) {
    ServiceProcess running;
    synchronized (this) {
      service(name);
      running = processes.remove(name);
    }
    if (running != null) {
      running.close();
    }
    startService(started.get(name));
  }

  /** Stops the broker (SIGTERM) and starts it again on the same data directory and address. */
  public synchronized void restartBroker() {
    long began = System.nanoTime();
    broker = broker.restart();
    report("kafka restarted on " + bootstrapServers(), began);
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

  private void startService(ServiceDefinition definition) {
    long began = System.nanoTime();
    int httpPort = definition.httpPort() != 0 ? definition.httpPort() : FreePorts.pick(1)[0];
    Map<String, String> properties = new HashMap<>(definition.properties());
    properties.put("kafka.bootstrap.servers", bootstrapServers());
    ServiceProcess process = ServiceProcess.start(definition.name(), definition.jar(), httpPort, properties,
        definition.jvmOptions(), dir.resolve(definition.name() + ".log"), SERVICE_READY_TIMEOUT);
    RunningService service = new RunningService(definition.name(), httpPort);
    synchronized (this) {
      processes.put(service.name(), process);
      started.put(service.name(), new ServiceDefinition(definition.name(), definition.jar(), httpPort,
          definition.properties(), definition.jvmOptions()));
      services.put(service.name(), service);
    }
    report(service.name() + " up on " + service.httpAddress() + " (gRPC, health, metrics)", began);
  }

  private synchronized void stopAll() {
    List<ServiceProcess> running = new ArrayList<>(processes.values());
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
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
