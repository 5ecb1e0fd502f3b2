package io.horizon.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.horizon.broker.KafkaBrokerResource;
import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.model.GatedRnn;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.collapse.CollapseReports;
import io.horizon.pipeline.collapse.SlowModeTails;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.KafkaSettings;
import io.horizon.pipeline.kafka.ProtoDeserializer;
import io.horizon.pipeline.kafka.Relay;
import io.horizon.pipeline.kafka.TopicReplay;
import io.horizon.pipeline.message.CheckpointMessages;
import io.horizon.pipeline.message.EnvelopeMessages;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.DiagnosticsServiceGrpc;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.SlowModeTail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics service against a real broker: a checkpoint on {@code horizon.checkpoints} becomes the envelope
 * report, with its anti-collapse diagnosis, of the same diagnostic pass run in process, the gRPC Diagnose call
 * answers the same report (with the checkpoint's slow-mode tail index copied into the diagnosis), and a record that
 * is not a checkpoint is skipped without stopping the stage.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(DiagnosticsServiceTest.TwoThreads.class)
class DiagnosticsServiceTest {
  /** A fixed thread count, so the service's pass and the in-process one split the work alike. */
  public static final class TwoThreads implements QuarkusTestProfile {
    static final int THREADS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("horizon.diagnostics.threads", Integer.toString(THREADS));
    }
  }

  private static final String CAMPAIGN = """
      name: svc-diagnostics
      architectures: [gru]
      seeds: [7]
      hiddenSizes: [5]
      trainSequences: [32]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 24, inputDim: 3, lags: [2, 4], coefficients: [0.5, 0.3]}
      epochs: 1
      batchSize: 16
      diagnostic: {sequences: 24, lags: "2:12:5", collapse: {bootstrapResamples: 100}}
      """;
  private static final RunSpec RUN = CampaignGrid.expand(CampaignFiles.parse(CAMPAIGN, "test")).get(0);
  private static final double RELATIVE_TOLERANCE = 1e-12;
  private static final long DEADLINE_SECONDS = 60;

  @Test
  void checkpointOnTheTopicBecomesTheInProcessEnvelope() throws Exception {
    Checkpoint checkpoint = checkpoint(1);
    publish(key(checkpoint), checkpoint.toByteArray());
    assertSameEnvelope(inProcess(checkpoint), awaitEnvelope(checkpoint.getEpoch()));
  }

  @Test
  void diagnoseCallAnswersTheInProcessEnvelope() throws InterruptedException {
    Checkpoint checkpoint = checkpoint(1);
    assertSameEnvelope(inProcess(checkpoint), diagnoseCall(checkpoint));
  }

  @Test
  void collapseDiagnosisCarriesTheCheckpointsSlowModeTail() throws InterruptedException {
    SlowModeTail tail = SlowModeTail.newBuilder().setEstimated(true).setSampleKind(SlowModeTails.SAMPLE_KIND)
        .setRecorded(900).setSize(300).setK(50).setAlphaEff(1.5).setAlphaLo(1.3).setAlphaHi(1.7).build();
    Checkpoint checkpoint = checkpoint(1).toBuilder().setSlowModeTail(tail).build();
    EnvelopeReport answer = diagnoseCall(checkpoint);
    assertTrue(answer.hasCollapse(), "the run has the anti-collapse analyses");
    assertEquals(tail, answer.getCollapse().getSlowModeTail());
    assertFalse(diagnoseCall(checkpoint(1)).getCollapse().hasSlowModeTail(), "a checkpoint without one gives none");
  }

  /** The envelope report the gRPC Diagnose call answers for {@code checkpoint}. */
  private static EnvelopeReport diagnoseCall(Checkpoint checkpoint) throws InterruptedException {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      return DiagnosticsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .diagnose(checkpoint);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void garbageRecordGoesToTheDeadLettersWithItsReasonAndTheNextCheckpointIsStillDiagnosed() throws Exception {
    Checkpoint checkpoint = checkpoint(2);
    byte[] garbage = "not a checkpoint".getBytes(StandardCharsets.UTF_8);
    publish(key(checkpoint), garbage);
    publish(key(checkpoint), checkpoint.toByteArray());
    assertSameEnvelope(inProcess(checkpoint), awaitEnvelope(checkpoint.getEpoch()));

    List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
    TopicReplay.readAll(kafka(), Topics.DEAD_LETTERS, new ByteArrayDeserializer(), dead::add);
    assertEquals(1, dead.size(), "one dead letter");
    ConsumerRecord<String, byte[]> letter = dead.get(0);
    assertArrayEquals(garbage, letter.value(), "the record as it was");
    assertEquals(Topics.CHECKPOINTS, header(letter, Relay.SOURCE_TOPIC));
    assertEquals("diagnostics", header(letter, Relay.STAGE));
    assertTrue(header(letter, Relay.REASON).contains("Protocol message"), header(letter, Relay.REASON));
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** The untrained model of the run, frozen as the checkpoint of {@code epoch}. */
  private static Checkpoint checkpoint(int epoch) {
    return CheckpointMessages.encode(RUN, epoch, RunPlan.of(RUN).training().initialModel(), null);
  }

  /**
   * The envelope report of the same pass run here, on the float32 model the checkpoint holds, with the collapse
   * diagnosis of its per-unit mean of log|μ|.
   */
  private static EnvelopeReport inProcess(Checkpoint checkpoint) {
    RunPlan plan = RunPlan.of(checkpoint.getRun());
    GatedRnn model = CheckpointMessages.decode(checkpoint);
    DiagnosticResult result = plan.envelopeDiagnosis(TwoThreads.THREADS).pass(model, plan.diagnosticSet(),
        plan.direction(model.config()), (lag, values, count) -> { }, done -> { });
    EnvelopeReport report =
        EnvelopeMessages.encode(checkpoint.getRun(), checkpoint.getEpoch(), checkpoint.getArchitecture(), result);
    return report.toBuilder().setCollapse(CollapseReports.diagnose(plan, result).orElseThrow()).build();
  }

  private static String key(Checkpoint checkpoint) {
    return checkpoint.getRunId() + "/" + checkpoint.getEpoch();
  }

  /** Sends raw bytes to partition 0 of the checkpoints topic, so records are consumed in the order sent. */
  private static void publish(String key, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        KafkaSettings.producer(kafka(), "diagnostics-test"), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.CHECKPOINTS, 0, key, value)).get();
    }
  }

  /** The envelope report of the run at {@code epoch}, once the service has published it. */
  private static EnvelopeReport awaitEnvelope(int epoch) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (System.nanoTime() < deadline) {
      List<EnvelopeReport> found = new ArrayList<>();
      TopicReplay.readAll(kafka(), Topics.ENVELOPES,
          new ProtoDeserializer<>(EnvelopeReport.parser(), EnvelopeReport.class), r -> {
            if (r.value().getRunId().equals(RUN.getRunId()) && r.value().getEpoch() == epoch) {
              found.add(r.value());
            }
          });
      if (!found.isEmpty()) {
        return found.get(0);
      }
      Thread.sleep(200);
    }
    return fail("no envelope report of " + RUN.getRunId() + "@" + epoch + " within " + DEADLINE_SECONDS + " s");
  }

  /**
   * Every integer and text field equal; every real within {@link #RELATIVE_TOLERANCE}; the collapse diagnosis with
   * the same window, units and phase and ζ per unit within the tolerance.
   */
  private static void assertSameEnvelope(EnvelopeReport expected, EnvelopeReport actual) {
    assertEquals(withoutReals(expected), withoutReals(actual));
    CollapseDiagnosis expectedCollapse = expected.getCollapse();
    CollapseDiagnosis actualCollapse = actual.getCollapse();
    assertTrue(actual.hasCollapse(), "collapse diagnosis");
    assertEquals(expectedCollapse.getWindowFrom(), actualCollapse.getWindowFrom());
    assertEquals(expectedCollapse.getWindowTo(), actualCollapse.getWindowTo());
    assertEquals(expectedCollapse.getUnits(), actualCollapse.getUnits());
    assertEquals(expectedCollapse.getPhaseCode(), actualCollapse.getPhaseCode());
    assertClose("collapse.zeta", expectedCollapse.getZetaList(), actualCollapse.getZetaList());
    assertClose("f_mean", expected.getFMeanList(), actual.getFMeanList());
    assertClose("f_logmean", expected.getFLogmeanList(), actual.getFLogmeanList());
    assertClose("mbar", expected.getMbarList(), actual.getMbarList());
    assertClose("sample_sum", expected.getSampleSumList(), actual.getSampleSumList());
    assertClose("unit_tau", expected.getUnitTauList(), actual.getUnitTauList());
    assertClose("unit_r2", expected.getUnitR2List(), actual.getUnitR2List());
    assertEquals(expected.getUnitProfileCount(), actual.getUnitProfileCount());
    for (int i = 0; i < expected.getUnitProfileCount(); i++) {
      assertClose("unit_profile[" + i + "]", expected.getUnitProfile(i).getValuesList(),
          actual.getUnitProfile(i).getValuesList());
    }
  }

  private static EnvelopeReport withoutReals(EnvelopeReport r) {
    return r.toBuilder().clearFMean().clearFLogmean().clearMbar().clearSampleSum().clearUnitTau().clearUnitR2()
        .clearUnitProfile().clearCollapse().build();
  }

  private static void assertClose(String field, List<Double> expected, List<Double> actual) {
    assertEquals(expected.size(), actual.size(), field + ": length");
    for (int i = 0; i < expected.size(); i++) {
      double e = expected.get(i);
      assertEquals(e, actual.get(i), Double.isNaN(e) ? 0 : RELATIVE_TOLERANCE * Math.abs(e), field + "[" + i + "]");
    }
  }

  private static KafkaConnection kafka() {
    return KafkaConnection.plaintext(
        ConfigProvider.getConfig().getValue(KafkaBrokerResource.BOOTSTRAP_PROPERTY, String.class));
  }
}
