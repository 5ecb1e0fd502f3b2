package io.horizon.cli.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.cli.stack.RunningService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Reads a service's {@code /q/health/ready}: the status of each named check. */
final class ReadinessCheck {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ReadinessCheck() {}

  /** Check name to status (UP or DOWN) of {@code service}'s readiness checks. */
  static Map<String, String> of(RunningService service) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://" + service.httpAddress() + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    Map<String, String> out = new HashMap<>();
    for (JsonNode check : new ObjectMapper().readTree(response.body()).path("checks")) {
      out.put(check.path("name").asText(), check.path("status").asText());
    }
    return out;
  }
}
