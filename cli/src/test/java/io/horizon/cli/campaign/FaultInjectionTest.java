package io.horizon.cli.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.horizon.cli.stack.HorizonServices;
import io.horizon.cli.stack.LocalStack;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.grpc.ChannelSecurity;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.ProtoDeserializer;
import io.horizon.pipeline.kafka.TopicReplay;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import io.horizon.proto.v1.TrainingState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during a small campaign (issue 6): the trainer is killed (SIGKILL) as soon as a run has saved its first
 * training state and must resume that run from it; then, in a seeded random order and after seeded random pauses,
 * diagnostics, estimator and aggregator are each killed and restarted and the broker is stopped and restarted on
 * its data directory. The disturbed campaign's learnability reports must equal those of the same runs computed
 * undisturbed on the same stack (identity fields aside), one report per checkpoint on the topic: no fit missing,
 * none duplicated.
 */
class FaultInjectionTest {
  private static final long SEED = 6;
  private static final long MAX_PAUSE_MILLIS = 1500;
  private static final Duration DEADLINE = Duration.ofMinutes(4);
  private static final List<String> DOWNSTREAM_FAULTS = List.of("diagnostics", "estimator", "aggregator", "broker");
  private static final String RESUME_LINE = "resumes from its training state after epoch";

  @TempDir Path out;

  /**
   * Two runs of six epochs with a checkpoint (and a saved training state) every three. The training set is large
   * enough that the three epochs after the first state take seconds even on a fast machine, so the trainer is
   * killed while that run is still training, not after it finished.
   */
  private static CampaignSpec campaign(String name) {
    return CampaignFiles.parse("""
        name: %s
        architectures: [gru, const]
        seeds: [3]
        hiddenSizes: [6]
        trainSequences: [4096]
        optimizers: [{kind: adamw, lr: 0.01}]
        task: {name: multilag, length: 32, inputDim: 3, lags: [2, 4], coefficients: [0.6, 0.4], noiseStd: 0.2}
        epochs: 6
        batchSize: 16
        checkpointEvery: 3
        diagnostic: {sequences: 32, lags: "1:16:6", reservoirCapacity: 300}
        """.formatted(name), name + ".yaml");
  }

  @Test
  void reportsAfterKillsAndABrokerRestartEqualTheUndisturbedOnes() throws Exception {
    CampaignSpec calm = campaign("faults-calm");
    CampaignSpec disturbed = campaign("faults-disturbed");
    int expected = 2 * 2;
    Random random = new Random(SEED);
    List<String> order = new ArrayList<>(DOWNSTREAM_FAULTS);
    Collections.shuffle(order, random);
    System.err.println("faults: seed " + SEED + ", trainer first, then " + order);

    try (LocalStack stack = LocalStack.start(out, HorizonServices.definitions(Map.of("horizon.trainer.chunk-size",
        "50")), System.err);
        PipelineClient client = PipelineClient.ofTrainer(stack.service("trainer").grpcAddress(),
            ChannelSecurity.NONE)) {
      client.submit(calm);
      Map<String, LearnabilityReport> reference = awaitReports(stack, client, calm, expected);

      client.submit(disturbed);
      await("a first training state of " + disturbed.getName(),
          () -> !records(stack, Topics.TRAINING_STATE, TrainingState.parser(), TrainingState.class,
              TrainingState::getCampaign, disturbed.getName()).isEmpty());
      stack.kill("trainer");
      stack.restart("trainer");
      for (String fault : order) {
        long pause = (long) (random.nextDouble() * MAX_PAUSE_MILLIS);
        System.err.println("faults: " + fault + " after " + pause + " ms");
        Thread.sleep(pause);
        if (fault.equals("broker")) {
          stack.restartBroker();
        } else {
          stack.kill(fault);
          stack.restart(fault);
        }
      }
      Map<String, LearnabilityReport> reports = awaitReports(stack, client, disturbed, expected);

      assertEquals(reference.keySet(), reports.keySet(), "the same checkpoints were reported");
      for (Map.Entry<String, LearnabilityReport> e : reference.entrySet()) {
        LearnabilityReport actual = reports.get(e.getKey());
        assertEquals(e.getValue().getLagsCount(), actual.getAlphaCount(), e.getKey() + ": one fit per lag");
        assertEquals(anonymous(e.getValue()), anonymous(actual), e.getKey() + ": the undisturbed report");
      }
    }
    String trainerLog = Files.readString(out.resolve("stack").resolve("trainer.log"), StandardCharsets.UTF_8);
    assertTrue(trainerLog.contains(RESUME_LINE), "the killed trainer resumed a run from its training state");
  }

  /**
   * Waits until every run of {@code spec} is FINISHED and {@code count} reports are on the learnability topic, then
   * checks that each checkpoint was reported exactly once; returns them by architecture and epoch.
   */
  private static Map<String, LearnabilityReport> awaitReports(LocalStack stack, PipelineClient client,
      CampaignSpec spec, int count) throws InterruptedException {
    List<String> runs = CampaignGrid.expand(spec).stream().map(RunSpec::getRunId).toList();
    await("every run of " + spec.getName() + " finished and " + count + " reports", () ->
        finished(client, spec, runs.size()) && reports(stack, spec).size() >= count);
    List<LearnabilityReport> reports = reports(stack, spec);
    Map<String, LearnabilityReport> byCheckpoint = new HashMap<>();
    for (LearnabilityReport r : reports) {
      LearnabilityReport before = byCheckpoint.put(r.getArchitecture() + "@" + r.getEpoch(), r);
      assertEquals(null, before, r.getRunId() + "@" + r.getEpoch() + ": reported twice");
    }
    assertEquals(count, reports.size(), spec.getName() + ": one report per checkpoint");
    return byCheckpoint;
  }

  private static boolean finished(PipelineClient client, CampaignSpec spec, int runs) {
    try {
      List<RunStatus> statuses = client.campaign(spec.getName()).getRunsList();
      return statuses.size() == runs && statuses.stream().allMatch(s -> s.getState() == RunState.FINISHED);
    } catch (IllegalArgumentException trainerRestarting) {
      return false;
    }
  }

  private static List<LearnabilityReport> reports(LocalStack stack, CampaignSpec spec) {
    return records(stack, Topics.LEARNABILITY, LearnabilityReport.parser(), LearnabilityReport.class,
        LearnabilityReport::getCampaign, spec.getName());
  }

  private static <T extends MessageLite> List<T> records(LocalStack stack, String topic, Parser<T> parser,
      Class<T> type, Function<T, String> campaign, String name) {
    List<T> out = new ArrayList<>();
    TopicReplay.readAll(KafkaConnection.plaintext(stack.bootstrapServers()), topic, new ProtoDeserializer<>(parser, type), r -> {
      if (campaign.apply(r.value()).equals(name)) {
        out.add(r.value());
      }
    });
    return out;
  }

  /** The report without the fields that name its campaign and run, which differ between the two campaigns. */
  private static LearnabilityReport anonymous(LearnabilityReport report) {
    return report.toBuilder().clearCampaign().clearRunId().clearRun().build();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "no " + what + " within " + DEADLINE);
      Thread.sleep(100);
    }
  }
}
