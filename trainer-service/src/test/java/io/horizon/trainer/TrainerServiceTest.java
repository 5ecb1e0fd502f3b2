package io.horizon.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.horizon.broker.KafkaBrokerResource;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.train.EpochMetrics;
import io.horizon.core.train.Trainer;
import io.horizon.core.train.TrainingListener;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.collapse.SlowModeTails;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.ProtoDeserializer;
import io.horizon.pipeline.kafka.TopicReplay;
import io.horizon.pipeline.message.CheckpointMessages;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.CampaignRef;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.GradientSampleChunk;
import io.horizon.proto.v1.RunRef;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import io.horizon.proto.v1.SlowModeTail;
import io.horizon.proto.v1.TrainerServiceGrpc;
import io.horizon.proto.v1.TrainingState;
import io.horizon.proto.v1.TrainerServiceGrpc.TrainerServiceBlockingStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trainer against a real broker through its generated gRPC client: a tiny two-run campaign trains to the end,
 * publishes its checkpoints, gradient-sample chunks and training states, is not trained again when resubmitted,
 * and bad calls map to the gRPC statuses that name the cause; the checkpoints of a run with the anti-collapse
 * analyses carry the slow-mode tail index computed in process.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(TrainerServiceTest.SmallChunks.class)
class TrainerServiceTest {
  /** Small chunks so that every lag's samples span several records; one thread so the run stays cheap. */
  public static final class SmallChunks implements QuarkusTestProfile {
    static final int CHUNK_SIZE = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("horizon.trainer.chunk-size", Integer.toString(CHUNK_SIZE), "horizon.trainer.threads", "1");
    }
  }

  private static final String CAMPAIGN = """
      name: svc-trainer
      architectures: [gru]
      seeds: [3, 4]
      hiddenSizes: [4]
      trainSequences: [32]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 24, inputDim: 3, lags: [2, 4], coefficients: [0.5, 0.3]}
      epochs: 2
      batchSize: 16
      checkpointEvery: 1
      diagnostic: {sequences: 16, lags: "2:12:5", reservoirCapacity: 100}
      """;
  /** A const run with the anti-collapse analyses and enough slow-row increments per checkpoint for item 10. */
  private static final String TAIL_CAMPAIGN = """
      name: svc-trainer-tail
      architectures: [const]
      seeds: [5]
      hiddenSizes: [20]
      trainSequences: [48]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 24, inputDim: 3, lags: [2, 4], coefficients: [0.5, 0.3]}
      epochs: 2
      batchSize: 16
      checkpointEvery: 1
      diagnostic:
        sequences: 16
        lags: "2:20:6"
        reservoirCapacity: 100
        collapse: {qLow: 0.25, calibrationReplicates: 40, tailBootstraps: 20}
      """;
  private static final long DEADLINE_SECONDS = 120;

  /** The campaign as validated, and the statuses its WatchCampaign stream delivered; set by the first test. */
  private static CampaignSpec submitted;
  private static List<RunStatus> watched;

  private ManagedChannel channel;
  private TrainerServiceBlockingStub trainer;

  @BeforeEach
  void connect() {
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", testPort()).usePlaintext().build();
    trainer = TrainerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void watchStreamsEveryRunToFinished() {
    Map<String, RunStatus> last = new HashMap<>();
    trained().forEach(s -> last.put(s.getRunId(), s));
    List<String> expected = CampaignGrid.expand(submitted).stream().map(RunSpec::getRunId).sorted().toList();
    assertEquals(expected, last.keySet().stream().sorted().toList());
    last.values().forEach(s -> assertEquals(RunState.FINISHED, s.getState(), s.getRunId() + ": " + s.getReason()));
  }

  @Test
  void checkpointsTopicHoldsOneCheckpointPerCheckpointEpochWithTheRunSpec() {
    trained();
    Map<String, List<Checkpoint>> byRun = campaignRecords(Topics.CHECKPOINTS, Checkpoint.parser(), Checkpoint.class,
        Checkpoint::getCampaign).stream().collect(Collectors.groupingBy(Checkpoint::getRunId));
    List<RunSpec> runs = CampaignGrid.expand(submitted);
    assertEquals(runs.size(), byRun.size());
    for (RunSpec run : runs) {
      List<Integer> epochs = byRun.get(run.getRunId()).stream().map(Checkpoint::getEpoch).sorted().toList();
      assertEquals(checkpointEpochs(run), epochs, run.getRunId());
      byRun.get(run.getRunId()).forEach(c -> assertEquals(run, c.getRun(), run.getRunId() + "@" + c.getEpoch()));
    }
  }

  @Test
  void checkpointsOfACollapseRunCarryTheInProcessSlowModeTail() {
    CampaignState state = trainer.submitCampaign(CampaignFiles.parse(TAIL_CAMPAIGN, "test"));
    trainer.watchCampaign(CampaignRef.newBuilder().setCampaign(state.getSpec().getName()).build())
        .forEachRemaining(s -> { });
    RunSpec run = CampaignGrid.expand(state.getSpec()).get(0);
    List<SlowModeTail> published = records(state.getSpec().getName(), Topics.CHECKPOINTS, Checkpoint.parser(),
        Checkpoint.class, Checkpoint::getCampaign).stream().sorted(Comparator.comparingInt(Checkpoint::getEpoch))
        .map(Checkpoint::getSlowModeTail).toList();
    RunPlan plan = RunPlan.of(run);
    SlowModeTails tails = SlowModeTails.of(plan);
    List<SlowModeTail> expected = new ArrayList<>();
    new Trainer(plan.training().training(), tails.updates()).train(plan.training().initialModel(),
        plan.training().task().create(), new TrainingListener() {
          @Override
          public void checkpointDue(int epoch, EpochMetrics m, GatedRnn model) {
            expected.add(tails.stamp(CheckpointMessages.encode(run, epoch, model, null)).getSlowModeTail());
          }
        });
    assertEquals(expected, published);
    published.forEach(t -> assertTrue(t.getEstimated(), t.getUnavailable()));
  }

  @Test
  void lastChunkOfEveryLagCarriesTheChunkCountAndTotal() {
    trained();
    List<GradientSampleChunk> chunks = campaignRecords(Topics.GRADIENT_SAMPLES, GradientSampleChunk.parser(),
        GradientSampleChunk.class, GradientSampleChunk::getCampaign);
    Map<String, List<GradientSampleChunk>> byLag = chunks.stream().collect(Collectors.groupingBy(
        c -> Topics.sampleKey(c.getRunId(), c.getEpoch(), c.getLag())));
    int expectedLags = 0;
    for (RunSpec run : CampaignGrid.expand(submitted)) {
      expectedLags += checkpointEpochs(run).size() * RunPlan.of(run).diagnosis(1).kernel().lags().length;
    }
    assertEquals(expectedLags, byLag.size(), "one chunk series per run, checkpoint and lag");
    boolean someLagSpansSeveralChunks = false;
    for (Map.Entry<String, List<GradientSampleChunk>> e : byLag.entrySet()) {
      List<GradientSampleChunk> lag = e.getValue().stream()
          .sorted(Comparator.comparingInt(GradientSampleChunk::getChunkIndex)).toList();
      GradientSampleChunk last = lag.get(lag.size() - 1);
      assertEquals(IntStream.range(0, lag.size()).boxed().toList(),
          lag.stream().map(GradientSampleChunk::getChunkIndex).toList(), e.getKey() + ": chunk indices");
      assertEquals(lag.size(), last.getChunkCount(), e.getKey() + ": chunk_count");
      assertEquals(lag.stream().mapToLong(GradientSampleChunk::getValuesCount).sum(), last.getTotalCount(),
          e.getKey() + ": total_count");
      lag.subList(0, lag.size() - 1).forEach(c -> {
        assertEquals(0, c.getChunkCount(), e.getKey() + ": only the last chunk carries chunk_count");
        assertEquals(SmallChunks.CHUNK_SIZE, c.getValuesCount(), e.getKey() + ": earlier chunks are full");
      });
      someLagSpansSeveralChunks |= lag.size() > 1;
    }
    assertTrue(someLagSpansSeveralChunks, "the chunk size is small enough to split lags");
  }

  @Test
  void trainingStateTopicHoldsEachRunsLastCheckpointInDoublePrecision() {
    trained();
    Map<String, TrainingState> latest = new HashMap<>();
    campaignRecords(Topics.TRAINING_STATE, TrainingState.parser(), TrainingState.class, TrainingState::getCampaign)
        .forEach(s -> latest.merge(s.getRunId(), s, (a, b) -> b.getEpoch() > a.getEpoch() ? b : a));
    Map<String, Checkpoint> lastCheckpoints = new HashMap<>();
    campaignRecords(Topics.CHECKPOINTS, Checkpoint.parser(), Checkpoint.class, Checkpoint::getCampaign)
        .forEach(c -> lastCheckpoints.merge(c.getRunId(), c, (a, b) -> b.getEpoch() > a.getEpoch() ? b : a));
    for (RunSpec run : CampaignGrid.expand(submitted)) {
      TrainingState state = latest.get(run.getRunId());
      assertEquals(run.getEpochs(), state.getEpoch(), run.getRunId() + ": state after the last epoch");
      assertTrue(state.getOptimizerSteps() > 0, run.getRunId() + ": AdamW step count");
      Checkpoint checkpoint = lastCheckpoints.get(run.getRunId());
      assertEquals(checkpoint.getTensorsCount(), state.getParametersCount(), run.getRunId() + ": tensors");
      for (int t = 0; t < checkpoint.getTensorsCount(); t++) {
        List<Float> narrowed = state.getParameters(t).getValuesList().stream().map(Double::floatValue).toList();
        assertEquals(checkpoint.getTensors(t).getValuesList(), narrowed,
            run.getRunId() + ": the checkpoint is the state's parameters in float32");
      }
    }
  }

  @Test
  void resubmittingTheCampaignQueuesNothing() {
    trained();
    int checkpointsBefore = campaignRecords(Topics.CHECKPOINTS, Checkpoint.parser(), Checkpoint.class,
        Checkpoint::getCampaign).size();
    CampaignState again = trainer.submitCampaign(submitted);
    assertEquals(CampaignGrid.expand(submitted).size(), again.getRunsCount());
    again.getRunsList().forEach(s -> assertEquals(RunState.FINISHED, s.getState(), s.getRunId()));
    assertEquals(checkpointsBefore, campaignRecords(Topics.CHECKPOINTS, Checkpoint.parser(), Checkpoint.class,
        Checkpoint::getCampaign).size());
  }

  @Test
  void badFieldIsInvalidArgumentNamingItsPathAndRecordsNothing() {
    CampaignSpec good = CampaignFiles.parse(CAMPAIGN, "test");
    CampaignSpec bad = good.toBuilder().setName("svc-trainer-bad")
        .setOptimizers(0, good.getOptimizers(0).toBuilder().setLr(-1)).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> trainer.submitCampaign(bad));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("campaign.optimizers[0].lr:"), e.getStatus().toString());
    assertNotFound(() -> trainer.getCampaign(CampaignRef.newBuilder().setCampaign(bad.getName()).build()));
  }

  @Test
  void unknownCampaignIsNotFound() {
    assertNotFound(() -> trainer.getCampaign(CampaignRef.newBuilder().setCampaign("no-such-campaign").build()));
  }

  @Test
  void listRunsGivesEveryRunOfTheCampaign() {
    trained();
    List<RunStatus> runs = trainer.listRuns(ref()).getRunsList();
    assertEquals(CampaignGrid.expand(submitted).stream().map(RunSpec::getRunId).toList(),
        runs.stream().map(RunStatus::getRunId).toList());
    runs.forEach(s -> assertEquals(RunState.FINISHED, s.getState(), s.getRunId()));
  }

  @Test
  void cancellingAFinishedRunIsInvalidArgument() {
    trained();
    String runId = CampaignGrid.expand(submitted).get(0).getRunId();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> trainer.cancelRun(RunRef.newBuilder().setRunId(runId).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("run_id:"), e.getStatus().toString());
  }

  @Test
  void readinessAnswers200() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + testPort() + "/q/health/ready")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
  }

  /** Submits the campaign once per class and follows WatchCampaign until the stream completes. */
  private synchronized List<RunStatus> trained() {
    if (watched == null) {
      CampaignState state = trainer.submitCampaign(CampaignFiles.parse(CAMPAIGN, "test"));
      submitted = state.getSpec();
      List<RunStatus> statuses = new ArrayList<>();
      Iterator<RunStatus> stream = trainer.watchCampaign(ref());
      stream.forEachRemaining(statuses::add);
      watched = statuses;
    }
    return watched;
  }

  private static CampaignRef ref() {
    return CampaignRef.newBuilder().setCampaign(submitted.getName()).build();
  }

  /** The epochs at which a run publishes a checkpoint: every checkpointEvery-th and the last. */
  private static List<Integer> checkpointEpochs(RunSpec run) {
    return IntStream.rangeClosed(1, run.getEpochs())
        .filter(e -> e % run.getCheckpointEvery() == 0 || e == run.getEpochs()).boxed().toList();
  }

  /** Every record of {@code topic} that belongs to the submitted campaign. */
  private static <T extends MessageLite> List<T> campaignRecords(String topic, Parser<T> parser, Class<T> type,
      Function<T, String> campaign) {
    return records(submitted.getName(), topic, parser, type, campaign);
  }

  /** Every record of {@code topic} that belongs to the campaign {@code name}. */
  private static <T extends MessageLite> List<T> records(String name, String topic, Parser<T> parser, Class<T> type,
      Function<T, String> campaign) {
    List<T> out = new ArrayList<>();
    TopicReplay.readAll(KafkaConnection.plaintext(
        ConfigProvider.getConfig().getValue(KafkaBrokerResource.BOOTSTRAP_PROPERTY, String.class)), topic,
        new ProtoDeserializer<>(parser, type), r -> {
          if (campaign.apply(r.value()).equals(name)) {
            out.add(r.value());
          }
        });
    return out;
  }

  private static void assertNotFound(Runnable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode(), e.getStatus().toString());
  }

  private static int testPort() {
    return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
  }
}
