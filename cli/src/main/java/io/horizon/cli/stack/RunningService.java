package io.horizon.cli.stack;

/** Where a service of a {@link LocalStack} listens. */
public record RunningService(String name, int httpPort, int grpcPort) {

  /** Returns {@code 127.0.0.1:<httpPort>}. */
  public String httpAddress() {
    return ServiceProcess.HOST + ":" + httpPort;
  }

  /** Returns {@code 127.0.0.1:<grpcPort>}. */
  public String grpcAddress() {
    return ServiceProcess.HOST + ":" + grpcPort;
  }
}
