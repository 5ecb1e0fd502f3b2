package io.horizon.cli.stack;

/** Where a service of a {@link LocalStack} listens: HTTP (health, metrics) and gRPC share one port. */
public record RunningService(String name, int httpPort) {

  /** Returns {@code 127.0.0.1:<httpPort>}. */
  public String httpAddress() {
    return ServiceProcess.HOST + ":" + httpPort;
  }

  /** Returns {@code 127.0.0.1:<httpPort>}: the services serve gRPC on their HTTP port. */
  public String grpcAddress() {
    return httpAddress();
  }
}
