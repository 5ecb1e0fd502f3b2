package io.horizon.cli.stack;

import io.horizon.broker.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Quarkus service jar running as a child JVM on loopback, ready once {@code /q/health/ready} answers 200. */
public final class ServiceProcess implements AutoCloseable {

  /** The loopback address every service listens on. */
  public static final String HOST = "127.0.0.1";

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
  private static final int HTTP_OK = 200;

  private final String name;
  private final ChildJvm process;
  private final int httpPort;

  private ServiceProcess(String name, ChildJvm process, int httpPort) {
    this.name = name;
    this.process = process;
    this.httpPort = httpPort;
  }

  /**
   * Runs {@code java <jvmOptions> -D<systemProperties> -jar <jar>} with its HTTP server on {@code 127.0.0.1:httpPort},
   * output appended to {@code log}, and waits up to {@code readyTimeout} for readiness; on failure the process is
   * stopped and the error quotes the end of the log.
   */
  public static ServiceProcess start(String name, Path jar, int httpPort, Map<String, String> systemProperties,
      List<String> jvmOptions, Path log, Duration readyTimeout) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(name + ".jar: no such file " + jar.toAbsolutePath());
    }
    Map<String, String> properties = new TreeMap<>(systemProperties);
    properties.put("quarkus.http.host", HOST);
    properties.put("quarkus.http.port", Integer.toString(httpPort));
    List<String> arguments = new ArrayList<>(jvmOptions);
    properties.forEach((key, value) -> arguments.add("-D" + key + "=" + value));
    arguments.add("-jar");
    arguments.add(jar.toAbsolutePath().toString());
    ChildJvm process = ChildJvm.launch(name, arguments, log);
    URI ready = URI.create("http://" + HOST + ":" + httpPort + "/q/health/ready");
    HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    process.awaitReady("ready at " + ready, readyTimeout, () -> answersOk(client, ready));
    return new ServiceProcess(name, process, httpPort);
  }

  /** Returns the service's name. */
  public String name() {
    return name;
  }

  /** Returns the port of the service's HTTP server. */
  public int httpPort() {
    return httpPort;
  }

  /** Returns the operating-system id of the service's process. */
  public long pid() {
    return process.pid();
  }

  /** Kills the service at once (SIGKILL, as {@code kill -9}): no shutdown hooks, no flushing, no commits. */
  public void kill() {
    process.kill();
  }

  /** Stops the service (SIGTERM, then a kill if it does not exit in time). */
  @Override
  public void close() {
    process.stop();
  }

  private static boolean answersOk(HttpClient client, URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == HTTP_OK;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + uri, e);
    }
  }
}
