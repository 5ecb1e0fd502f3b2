package io.horizon.cli.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.cli.campaign.CampaignRunner;
import io.horizon.cli.campaign.InProcessRun;
import io.horizon.cli.campaign.PipelineClient;
import io.horizon.cli.stack.HorizonServices;
import io.horizon.cli.stack.LocalStack;
import io.horizon.cli.stack.RunningService;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.grpc.ChannelSecurity;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Prometheus on loopback scrapes the four services while a tiny campaign (with the time-scale coupling
 * analysis on, so that its panels have data too) runs through the real broker;
 * afterwards every query of every panel of every dashboard, with the template variables set to that campaign,
 * returns at least one sample through Prometheus's HTTP API. On the way, each service's {@code /q/health/ready}
 * reports its Kafka connection, its gRPC server and (consuming stages) its Kafka loop as UP.
 */
class DashboardQueriesTest {

  /** Concrete values of the dashboards' template variables: this campaign, every architecture and service. */
  private static final Map<String, String> VARIABLES = Map.of("__rate_interval", "1m", "campaign", "watched",
      "architecture", ".*", "job", ".*");

  /** Readiness checks that Quarkus contributes: the Kafka connection and the gRPC server. */
  private static final String KAFKA_CHECK = "Kafka connection health check";
  private static final String GRPC_CHECK = "gRPC Server";

  /** How long Prometheus may take to scrape the final state after the campaign ends. */
  private static final Duration SCRAPE_WAIT = Duration.ofSeconds(20);

  @TempDir Path out;

  @Test
  void servicesAreReadyAndEveryPanelQueryReturnsDataDuringACampaign() throws Exception {
    assertTrue(Files.isExecutable(LoopbackPrometheus.BINARY), LoopbackPrometheus.BINARY
        + " is missing: install Debian's prometheus package (apt-get install --no-install-recommends prometheus)");
    List<Dashboards.Query> queries = Dashboards.queries();
    CampaignSpec spec = CampaignFiles.parse(InProcessRun.tinyCouplingCampaign("watched")
        .replace("reservoirCapacity: 300,", "reservoirCapacity: 300, collapse: {bootstrapResamples: 100},"),
        "watched.yaml");
    try (LocalStack stack = LocalStack.start(out, HorizonServices.definitions(Map.of()), System.err);
        LoopbackPrometheus prometheus = LoopbackPrometheus.start(out.resolve("prometheus"), stack.services());
        PipelineClient client = new PipelineClient(stack.service("trainer").grpcAddress(),
            stack.service("aggregator").grpcAddress(), ChannelSecurity.NONE)) {
      for (RunningService service : stack.services()) {
        Map<String, String> expected = new HashMap<>(Map.of(KAFKA_CHECK, "UP", GRPC_CHECK, "UP"));
        if (!service.name().equals("trainer")) {
          expected.put(service.name() + " Kafka loop", "UP");
        }
        assertEquals(expected, ReadinessCheck.of(service), service.name() + ": /q/health/ready checks");
      }
      CampaignRunner.Outcome outcome = new CampaignRunner(client, System.err).run(spec);
      assertTrue(outcome.results().state().getRunsList().stream().allMatch(s -> s.getState() == RunState.FINISHED),
          "every run finished");
      List<String> empty = emptyQueries(prometheus, queries);
      assertEquals(List.of(), empty, "queries without a sample after the campaign");
    }
  }

  /** The queries still without a sample once every one has one or {@link #SCRAPE_WAIT} has passed. */
  private static List<String> emptyQueries(LoopbackPrometheus prometheus, List<Dashboards.Query> queries)
      throws Exception {
    long deadline = System.nanoTime() + SCRAPE_WAIT.toNanos();
    List<String> empty;
    do {
      empty = new ArrayList<>();
      for (Dashboards.Query q : queries) {
        if (prometheus.query(q.concrete(VARIABLES)).isEmpty()) {
          empty.add(q.toString());
        }
      }
      if (!empty.isEmpty()) {
        Thread.sleep(1000);
      }
    } while (!empty.isEmpty() && System.nanoTime() < deadline);
    return empty;
  }
}
