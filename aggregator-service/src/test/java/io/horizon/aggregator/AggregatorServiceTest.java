package io.horizon.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.MessageLite;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.horizon.broker.KafkaBrokerResource;
import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.model.GatedRnn;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.KafkaSettings;
import io.horizon.pipeline.kafka.ProtoDeserializer;
import io.horizon.pipeline.kafka.ProtoSerializer;
import io.horizon.pipeline.kafka.TopicReplay;
import io.horizon.pipeline.message.EnvelopeMessages;
import io.horizon.pipeline.message.FitMessages;
import io.horizon.pipeline.message.ReportMessages;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.AggregatorServiceGrpc;
import io.horizon.proto.v1.AggregatorServiceGrpc.AggregatorServiceBlockingStub;
import io.horizon.proto.v1.CampaignRef;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.ListCampaignsRequest;
import io.horizon.proto.v1.ReportRequest;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.StableFit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregator service against a real broker: a checkpoint's envelope report and per-lag fits, published in
 * mixed order and partly twice, become exactly one learnability report equal to the in-process
 * {@link CheckpointDiagnosis#learnability}; the gRPC calls serve, list and stream it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class AggregatorServiceTest {
  private static final String CAMPAIGN = """
      name: svc-aggregator
      architectures: [gru]
      seeds: [13]
      hiddenSizes: [5]
      trainSequences: [32]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 24, inputDim: 3, lags: [2, 4], coefficients: [0.5, 0.3]}
      epochs: 1
      batchSize: 16
      diagnostic: {sequences: 32, lags: "1:12:6", reservoirCapacity: 1000}
      """;
  private static final RunSpec RUN = CampaignGrid.expand(CampaignFiles.parse(CAMPAIGN, "test")).get(0);
  private static final long DEADLINE_SECONDS = 60;

  /** The in-process reports of epochs 1 and 2, once both are on the learnability topic (see {@link #published}). */
  private static List<LearnabilityReport> expected;
  private static List<LearnabilityReport> onTopic;

  private ManagedChannel channel;
  private AggregatorServiceBlockingStub aggregator;

  @BeforeEach
  void connect() {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    aggregator = AggregatorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void envelopeAndFitsInMixedOrderGiveExactlyOneInProcessReport() throws Exception {
    published();
    assertEquals(expected, onTopic);
  }

  @Test
  void getReportServesTheLatestEpochForZeroAndEachEpochByNumber() throws Exception {
    published();
    assertEquals(expected.get(1), aggregator.getReport(request(0)));
    assertEquals(expected.get(0), aggregator.getReport(request(1)));
    assertEquals(expected.get(1), aggregator.getReport(request(2)));
  }

  @Test
  void listCampaignsNamesTheCampaign() throws Exception {
    published();
    assertTrue(aggregator.listCampaigns(ListCampaignsRequest.getDefaultInstance()).getCampaignsList()
        .contains(RUN.getCampaign()));
  }

  @Test
  void watchReportsStartsWithTheCampaignsFirstReport() throws Exception {
    published();
    try (Context.CancellableContext call = Context.current().withCancellation()) {
      LearnabilityReport first = call.call(
          () -> aggregator.watchReports(CampaignRef.newBuilder().setCampaign(RUN.getCampaign()).build()).next());
      assertEquals(expected.get(0), first);
    }
  }

  @Test
  void unknownRunIsNotFound() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> aggregator.getReport(ReportRequest.newBuilder().setRunId("no-such-run").build()));
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode(), e.getStatus().toString());
  }

  private static ReportRequest request(int epoch) {
    return ReportRequest.newBuilder().setRunId(RUN.getRunId()).setEpoch(epoch).build();
  }

  /**
   * Once per class: analyses the untrained model in process, publishes its envelope and fits as epoch 1 (half the
   * fits, the envelope, the other half, then a fit and the envelope again), then the same pieces once as epoch 2,
   * all on partition 0 of their topics; waits for the report of epoch 2, by which time every piece of epoch 1 has
   * been consumed, and keeps the run's reports on the topic.
   */
  private static synchronized void published() throws Exception {
    if (onTopic != null) {
      return;
    }
    RunPlan plan = RunPlan.of(RUN);
    CheckpointDiagnosis diagnosis = plan.diagnosis(1);
    GatedRnn model = plan.training().initialModel();
    CheckpointDiagnosis.Result result =
        diagnosis.run(model, plan.diagnosticSet(), plan.direction(model.config()), done -> { });
    String architecture = model.config().architecture().id();
    List<LearnabilityReport> reports = new ArrayList<>();
    try (KafkaProducer<String, MessageLite> producer = new KafkaProducer<>(
        KafkaSettings.producer(kafka(), "aggregator-test"), new StringSerializer(), new ProtoSerializer<>())) {
      for (int epoch = 1; epoch <= 2; epoch++) {
        EnvelopeReport envelope = EnvelopeMessages.encode(RUN, epoch, architecture, result.diagnostic());
        List<StableFit> fits = new ArrayList<>();
        for (int i = 0; i < result.fits().length; i++) {
          fits.add(FitMessages.encode(RUN.getCampaign(), RUN.getRunId(), epoch, envelope.getLags(i),
              result.fits()[i]));
        }
        List<ProducerRecord<String, MessageLite>> pieces = new ArrayList<>();
        int half = fits.size() / 2;
        fits.subList(0, half).forEach(f -> pieces.add(record(Topics.STABLE_FITS, f)));
        pieces.add(record(Topics.ENVELOPES, envelope));
        fits.subList(half, fits.size()).forEach(f -> pieces.add(record(Topics.STABLE_FITS, f)));
        if (epoch == 1) {
          pieces.add(record(Topics.STABLE_FITS, fits.get(0)));
          pieces.add(record(Topics.ENVELOPES, envelope));
        }
        pieces.forEach(producer::send);
        reports.add(ReportMessages.encode(RUN, epoch, architecture, result.report(), plan.targetLags()));
      }
    }
    expected = reports;
    onTopic = awaitReports(expected.size());
  }

  private static ProducerRecord<String, MessageLite> record(String topic, MessageLite value) {
    return new ProducerRecord<>(topic, 0, RUN.getRunId(), value);
  }

  /** The run's reports on the learnability topic, by epoch, once the one of epoch {@code lastEpoch} is there. */
  private static List<LearnabilityReport> awaitReports(int lastEpoch) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (System.nanoTime() < deadline) {
      List<LearnabilityReport> reports = new ArrayList<>();
      TopicReplay.readAll(kafka(), Topics.LEARNABILITY,
          new ProtoDeserializer<>(LearnabilityReport.parser(), LearnabilityReport.class), r -> {
            if (r.value().getRunId().equals(RUN.getRunId())) {
              reports.add(r.value());
            }
          });
      if (reports.stream().anyMatch(r -> r.getEpoch() == lastEpoch)) {
        return reports.stream().sorted(Comparator.comparingInt(LearnabilityReport::getEpoch)).toList();
      }
      Thread.sleep(200);
    }
    return fail("no learnability report of " + RUN.getRunId() + "@" + lastEpoch + " within " + DEADLINE_SECONDS
        + " s");
  }

  private static KafkaConnection kafka() {
    return KafkaConnection.plaintext(
        ConfigProvider.getConfig().getValue(KafkaBrokerResource.BOOTSTRAP_PROPERTY, String.class));
  }
}
