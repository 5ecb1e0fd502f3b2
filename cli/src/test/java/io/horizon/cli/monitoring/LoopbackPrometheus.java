package io.horizon.cli.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.broker.FreePorts;
import io.horizon.cli.stack.RunningService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prometheus as a child process on loopback, scraping the given services' {@code /q/metrics} every second
 * (job {@code horizon-<service>}), queried through its HTTP API.
 */
final class LoopbackPrometheus implements AutoCloseable {
  /** Where Debian's package installs Prometheus. */
  static final Path BINARY = Path.of("/usr/bin/prometheus");

  private final Process process;
  private final String address;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private LoopbackPrometheus(Process process, String address) {
    this.process = process;
    this.address = address;
  }

  /** Starts Prometheus with its configuration, data and log under {@code dir}, and waits until it is ready. */
  static LoopbackPrometheus start(Path dir, List<RunningService> services) throws IOException, InterruptedException {
    StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
        + "scrape_configs:\n");
    for (RunningService s : services) {
      config.append("  - job_name: horizon-").append(s.name()).append("\n    metrics_path: /q/metrics\n")
          .append("    static_configs:\n      - targets: [\"").append(s.httpAddress()).append("\"]\n");
    }
    Files.createDirectories(dir);
    Path file = Files.writeString(dir.resolve("prometheus.yml"), config);
    String listen = "127.0.0.1:" + FreePorts.pick(1)[0];
    Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + file,
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + listen)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    LoopbackPrometheus prometheus = new LoopbackPrometheus(process, listen);
    prometheus.awaitReady(Duration.ofSeconds(30));
    return prometheus;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited with " + process.exitValue() + " before it was ready");
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("prometheus not ready on " + address + " after " + timeout);
  }

  /** The samples of an instant query at the current time ({@code data.result} of the HTTP API). */
  JsonNode query(String promql) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    JsonNode body = json.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new IllegalArgumentException(promql + ": " + body.path("error").asText(response.body()));
    }
    return body.path("data").path("result");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://" + address + path)).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
