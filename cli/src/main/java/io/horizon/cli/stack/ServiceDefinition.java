package io.horizon.cli.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A service for {@link LocalStack} to run: its jar, its HTTP port, which also serves gRPC (0: pick a free one), extra system
 * properties and JVM options.
 */
public record ServiceDefinition(String name, Path jar, int httpPort, Map<String, String> properties,
    List<String> jvmOptions) {

  private static final int MAX_PORT = 65535;

  /** Checks the name and the ports and copies the collections. */
  public ServiceDefinition {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("service.name: must not be blank");
    }
    if (jar == null) {
      throw new IllegalArgumentException(name + ".jar: must be given");
    }
    checkPort(name + ".httpPort", httpPort);
    properties = Map.copyOf(properties);
    jvmOptions = List.copyOf(jvmOptions);
  }

  /** A service on a free port, no extra properties and no JVM options. */
  public static ServiceDefinition of(String name, Path jar) {
    return new ServiceDefinition(name, jar, 0, Map.of(), List.of());
  }

  /**
   * Instance {@code index} (from 2) of this service: the same jar, properties and options on a free port, named
   * {@code <name>-<index>}; it joins the same consumer groups, so the instances split the partitions.
   */
  public ServiceDefinition replica(int index) {
    if (index < 2) {
      throw new IllegalArgumentException(name + ".replica: index must be at least 2, got " + index);
    }
    return new ServiceDefinition(name + "-" + index, jar, 0, properties, jvmOptions);
  }

  private static void checkPort(String field, int port) {
    if (port < 0 || port > MAX_PORT) {
      throw new IllegalArgumentException(field + ": must be 0 (pick a free port) to " + MAX_PORT + ", got " + port);
    }
  }
}
