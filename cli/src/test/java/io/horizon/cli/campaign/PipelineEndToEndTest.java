package io.horizon.cli.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.cli.stack.HorizonServices;
import io.horizon.cli.stack.LocalStack;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.grpc.ChannelSecurity;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small campaign through the real broker and the four service processes, submitted and followed as
 * {@code ./horizon run} does: every learnability report equals the in-process {@code core} computation on the same
 * spec and seeds (identical Ĥ_N for every N, N_min and α̂; f̂ within 1e-9 relative; the time-scale coupling profile
 * and the slow-mode tail index of a second, coupling and anti-collapse campaign identical), and the result files are
 * written; resubmitted, it trains nothing again and the reports read from the learnability topic are the same.
 * Sample chunks are made small so that every lag spans several Kafka records.
 */
class PipelineEndToEndTest {

  @TempDir Path out;

  @Test
  void reportsOverKafkaEqualTheInProcessComputation() throws Exception {
    CampaignSpec spec = CampaignFiles.parse(InProcessRun.tinyCampaign("e2e"), "e2e.yaml");
    CampaignSpec couplingSpec = CampaignFiles.parse(InProcessRun.tinyCouplingCampaign("e2e-tsc")
        .replace("reservoirCapacity: 300,", "reservoirCapacity: 300, collapse: {bootstrapResamples: 100},"),
        "e2e-tsc.yaml");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    CampaignRunner.Outcome outcome;
    CampaignRunner.Outcome coupling;
    try (LocalStack stack = LocalStack.start(out, HorizonServices.definitions(Map.of("horizon.trainer.chunk-size",
        "50")), System.err);
        PipelineClient client = new PipelineClient(stack.service("trainer").grpcAddress(),
            stack.service("aggregator").grpcAddress(), ChannelSecurity.NONE)) {
      outcome = new CampaignRunner(client, new PrintStream(progress, true, StandardCharsets.UTF_8)).run(spec);
      coupling = new CampaignRunner(client, System.err).run(couplingSpec);
      CampaignRunner.Outcome again = new CampaignRunner(client,
          (name, sink) -> new KafkaReportFeed(KafkaConnection.plaintext(stack.bootstrapServers()), name, sink),
          System.err).run(spec);
      assertEquals(outcome.results().state().getRunsList(), again.results().state().getRunsList(),
          "resubmitting leaves every finished run as it was (same status and heartbeat)");
      assertEquals(outcome.results().reports(), again.results().reports(),
          "resubmitting trains nothing again; the reports read back from the topic are the same");
    }
    assertSameRuns(outcome.results().reports(), spec);
    List<LearnabilityReport> withCoupling = coupling.results().reports();
    assertTrue(withCoupling.stream().allMatch(r -> r.getCoupling().hasSensitivity() && r.getCoupling().hasAnisotropy()),
        "every report of the coupling campaign carries S1 and S2");
    assertTrue(withCoupling.stream().allMatch(r -> r.getCollapse().hasSlowModeTail()),
        "every report of the coupling campaign carries the slow-mode tail index (here its reason for none)");
    assertSameRuns(withCoupling, couplingSpec);
    assertTrue(outcome.results().state().getRunsList().stream().allMatch(s -> s.getState() == RunState.FINISHED));
    Path dir = outcome.results().write(out.resolve("e2e"));
    for (String file : List.of("summary.csv", "windows.csv", "lags.csv", "runs.csv", "reports.json",
        "campaign.json")) {
      assertTrue(Files.size(dir.resolve(file)) > 0, file);
    }
    assertEquals(3, Files.readAllLines(dir.resolve("summary.csv")).size(), "header + one row per run");
    assertTrue(progress.toString(StandardCharsets.UTF_8).contains("FINISHED"), "live progress names run states");
  }

  /** Every report of {@code spec}'s 2 runs × 2 checkpoints equals the in-process computation. */
  private static void assertSameRuns(List<LearnabilityReport> reports, CampaignSpec spec) {
    assertEquals(4, reports.size(), "2 runs × 2 checkpoints");
    Map<String, LearnabilityReport> byKey = new HashMap<>();
    reports.forEach(r -> byKey.put(r.getRunId() + "@" + r.getEpoch(), r));
    for (RunSpec run : CampaignGrid.expand(spec)) {
      for (LearnabilityReport expected : InProcessRun.of(run).reports()) {
        String key = run.getRunId() + "@" + expected.getEpoch();
        assertSame(expected, byKey.get(key), key);
      }
    }
  }

  private static void assertSame(LearnabilityReport expected, LearnabilityReport actual, String what) {
    assertTrue(actual != null, what + ": no report from the pipeline");
    assertEquals(expected.getBudgetsList(), actual.getBudgetsList(), what + ": budgets");
    assertEquals(expected.getWindowList(), actual.getWindowList(), what + ": H_N per N");
    assertEquals(expected.getNMinList(), actual.getNMinList(), what + ": N_min");
    assertEquals(expected.getAlphaList(), actual.getAlphaList(), what + ": α̂");
    assertEquals(expected.getLagsList(), actual.getLagsList(), what + ": lags");
    double[] f = expected.getFMeanList().stream().mapToDouble(Double::doubleValue).toArray();
    double[] g = actual.getFMeanList().stream().mapToDouble(Double::doubleValue).toArray();
    assertEquals(f.length, g.length, what + ": f̂ length");
    List<Double> relative = new ArrayList<>();
    for (int i = 0; i < f.length; i++) {
      relative.add(Math.abs(f[i] - g[i]) / Math.abs(f[i]));
    }
    assertTrue(relative.stream().allMatch(r -> r <= 1e-9), what + ": f̂ relative differences " + relative);
    assertEquals(expected.getRegime(), actual.getRegime(), what + ": regime");
    assertEquals(expected.getCoupling(), actual.getCoupling(), what + ": time-scale coupling profile");
    assertEquals(expected.getCollapse().getSlowModeTail(), actual.getCollapse().getSlowModeTail(),
        what + ": slow-mode tail index");
  }
}
