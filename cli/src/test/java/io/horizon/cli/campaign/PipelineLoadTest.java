package io.horizon.cli.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.cli.stack.HorizonServices;
import io.horizon.cli.stack.LocalStack;
import io.horizon.cli.stack.RunningService;
import io.horizon.cli.stack.ServiceDefinition;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.grpc.ChannelSecurity;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.KafkaSettings;
import io.horizon.pipeline.kafka.ProtoDeserializer;
import io.horizon.pipeline.kafka.Relay;
import io.horizon.pipeline.kafka.TopicReplay;
import io.horizon.pipeline.message.CheckpointMessages;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.GradientSampleChunk;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import io.horizon.proto.v1.StableFit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load and bad input through the real broker, with two instances each of the estimator and the diagnostics
 * service: garbage and inconsistent records on every consumed topic each become one dead letter naming the record
 * and the reason; NaN gradient samples give an unreliable fit that names them; a run whose training diverges ends FAILED with the reason while the rest of its campaign
 * finishes; a campaign of 50 runs finishes with every report equal to the in-process computation (what a single
 * instance computes); and both instances of each replicated stage hold partitions of their input topic.
 */
class PipelineLoadTest {
  private static final List<String> REPLICATED = List.of("estimator", "diagnostics");
  private static final Pattern ASSIGNED =
      Pattern.compile("^horizon_pipeline_assigned_partitions\\{.*topic=\"([^\"]+)\".*} ([0-9.]+)$");

  @TempDir Path out;

  /** A record published to a topic that a stage consumes, with a fragment its dead-letter reason must contain. */
  private record BadRecord(String topic, String key, byte[] value, String reason) {}

  @Test
  void badRecordsAreDeadLetteredDivergenceFailsOneRunAndFiftyRunsMatchTheInProcessComputation() throws Exception {
    List<ServiceDefinition> definitions = new ArrayList<>(HorizonServices.definitions(Map.of()));
    definitions.addAll(definitions.stream().filter(d -> REPLICATED.contains(d.name())).map(d -> d.replica(2))
        .toList());
    try (LocalStack stack = LocalStack.start(out, definitions, System.err);
        PipelineClient client = new PipelineClient(stack.service("trainer").grpcAddress(),
            stack.service("aggregator").grpcAddress(), ChannelSecurity.NONE)) {
      KafkaConnection kafka = KafkaConnection.plaintext(stack.bootstrapServers());
      List<BadRecord> bad = badRecords();
      publish(kafka, bad);
      RunSpec nanRun = badRun();
      publish(kafka, List.of(new BadRecord(Topics.GRADIENT_SAMPLES,
          Topics.sampleKey(nanRun.getRunId(), 1, 1), nanChunk(nanRun).toByteArray(), "")));

      CampaignRunner.Outcome diverging = new CampaignRunner(client, System.err).run(
          CampaignFiles.parse(divergingCampaign(), "diverging.yaml"));
      List<RunStatus> failed = diverging.unfinished();
      assertEquals(1, failed.size(), "the run with the huge learning rate fails: " + failed);
      assertEquals(RunState.FAILED, failed.get(0).getState());
      assertTrue(failed.get(0).getReason().contains("diverged"), failed.get(0).getReason());
      assertEquals(1, diverging.results().reports().size(), "the other run of the campaign still finishes");

      CampaignSpec load = CampaignFiles.parse(loadCampaign(), "load.yaml");
      CampaignRunner.Outcome outcome = new CampaignRunner(client, System.err).run(load);
      assertTrue(outcome.unfinished().isEmpty(), "every run finishes: " + outcome.unfinished());
      assertReportsEqualInProcess(load, outcome.results().reports());

      assertDeadLettered(kafka, bad);
      assertNanSamplesGiveAnUnreliableFit(kafka, nanRun);
      for (String stage : REPLICATED) {
        String topic = stage.equals("estimator") ? Topics.GRADIENT_SAMPLES : Topics.CHECKPOINTS;
        for (RunningService instance : List.of(stack.service(stage), stack.service(stage + "-2"))) {
          double held = assignedPartitions(instance).getOrDefault(topic, 0.0);
          assertTrue(held >= 1, instance.name() + " holds " + held + " partitions of " + topic);
        }
      }
    }
  }

  /** 5 architectures × 10 seeds of a tiny task, one checkpoint each. */
  private static String loadCampaign() {
    return """
        name: load
        architectures: [const, shared, diag, gru, lstm]
        seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        hiddenSizes: [4]
        trainSequences: [32]
        optimizers: [{kind: adamw, lr: 0.01}]
        task: {name: multilag, length: 16, inputDim: 2, lags: [2, 3], coefficients: [0.6, 0.4], noiseStd: 0.2}
        epochs: 1
        batchSize: 16
        checkpointEvery: 1
        diagnostic: {sequences: 16, lags: "2:10:5", reservoirCapacity: 100}
        """;
  }

  /** Two runs that differ only in the learning rate; SGD with a step of 1e300 overflows in its first steps. */
  private static String divergingCampaign() {
    return loadCampaign().replace("name: load", "name: diverging").replace("[const, shared, diag, gru, lstm]",
        "[diag]").replace("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", "[1]").replace("[{kind: adamw, lr: 0.01}]",
        "[{kind: adamw, lr: 0.01}, {kind: sgd, lr: 1e300}]");
  }

  /** A run of a campaign named {@code bad} that is never submitted. */
  private static RunSpec badRun() {
    return CampaignGrid.expand(CampaignFiles.parse(loadCampaign().replace("name: load", "name: bad"), "bad.yaml"))
        .get(0);
  }

  /** The only chunk of lag 1 of the bad run's first checkpoint, with one NaN among three samples. */
  private static GradientSampleChunk nanChunk(RunSpec run) {
    return GradientSampleChunk.newBuilder().setCampaign("bad").setRunId(run.getRunId()).setEpoch(1).setLag(1)
        .addValues(1).addValues(Double.NaN).addValues(2).setChunkCount(1).setTotalCount(3).setTotalSum(3)
        .setOrientation(1).setRun(run).build();
  }

  /** Garbage on every topic a stage consumes, and records that parse but contradict themselves. */
  private static List<BadRecord> badRecords() {
    RunSpec run = badRun();
    Checkpoint checkpoint = CheckpointMessages.encode(run, 1, RunPlan.of(run).training().initialModel(), null);
    Checkpoint misshapen = checkpoint.toBuilder()
        .setTensors(0, checkpoint.getTensors(0).toBuilder().clearShape().addShape(3).addShape(5)).build();
    EnvelopeReport uneven = EnvelopeReport.newBuilder().setCampaign("bad").setRunId(run.getRunId()).setEpoch(1)
        .setArchitecture(run.getArchitecture()).addLags(1).addLags(2).addFMean(0.5).setRun(run).build();
    StableFit nanAlpha = StableFit.newBuilder().setCampaign("bad").setRunId(run.getRunId()).setEpoch(2).setLag(1)
        .setAlpha(Double.NaN).setGamma(1).setN(10).build();
    byte[] garbage = "not a protobuf message".getBytes(StandardCharsets.UTF_8);
    List<BadRecord> bad = new ArrayList<>();
    for (String topic : List.of(Topics.CHECKPOINTS, Topics.GRADIENT_SAMPLES, Topics.ENVELOPES,
        Topics.STABLE_FITS)) {
      bad.add(new BadRecord(topic, "garbage-" + topic, garbage, "Protocol message"));
    }
    bad.add(new BadRecord(Topics.CHECKPOINTS, "misshapen", misshapen.toByteArray(),
        checkpoint.getTensors(0).getName()));
    bad.add(new BadRecord(Topics.ENVELOPES, "uneven-envelope", uneven.toByteArray(), "f_mean"));
    bad.add(new BadRecord(Topics.STABLE_FITS, "nan-alpha", nanAlpha.toByteArray(), "alpha"));
    return bad;
  }

  private static void publish(KafkaConnection kafka, List<BadRecord> records) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(kafka, "load-test"),
        new StringSerializer(), new ByteArraySerializer())) {
      for (BadRecord r : records) {
        producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value())).get();
      }
    }
  }

  /** Exactly one dead letter per bad record, carrying its source topic and a reason that names what is wrong. */
  private static void assertDeadLettered(KafkaConnection kafka, List<BadRecord> bad) {
    Map<String, List<ConsumerRecord<String, byte[]>>> letters = new HashMap<>();
    TopicReplay.readAll(kafka, Topics.DEAD_LETTERS, new ByteArrayDeserializer(),
        r -> letters.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
    for (BadRecord r : bad) {
      List<ConsumerRecord<String, byte[]>> found = letters.getOrDefault(r.key(), List.of());
      assertEquals(1, found.size(), r.key() + " on " + r.topic() + ": dead letters " + found.size());
      ConsumerRecord<String, byte[]> letter = found.get(0);
      assertEquals(r.topic(), header(letter, Relay.SOURCE_TOPIC), r.key());
      String reason = header(letter, Relay.REASON);
      assertTrue(reason.contains(r.reason()), r.key() + ": reason '" + reason + "' should name " + r.reason());
    }
    assertEquals(bad.size(), letters.values().stream().mapToInt(List::size).sum(), "no other dead letters");
  }

  /** NaN samples are neither dropped silently nor fitted: the lag's fit is published unreliable, naming them. */
  private static void assertNanSamplesGiveAnUnreliableFit(KafkaConnection kafka, RunSpec run) {
    List<StableFit> fits = new ArrayList<>();
    TopicReplay.readAll(kafka, Topics.STABLE_FITS, new ProtoDeserializer<>(StableFit.parser(), StableFit.class),
        r -> {
          if (r.value().getRunId().equals(run.getRunId()) && r.value().getEpoch() == 1) {
            fits.add(r.value());
          }
        });
    assertEquals(1, fits.size(), "one fit of the lag with a NaN sample");
    assertTrue(!fits.get(0).getReliable() && fits.get(0).getReason().contains("NaN"), fits.get(0).toString());
  }

  private static void assertReportsEqualInProcess(CampaignSpec spec, List<LearnabilityReport> reports) {
    Map<String, LearnabilityReport> byRun = new HashMap<>();
    reports.forEach(r -> byRun.put(r.getRunId() + "@" + r.getEpoch(), r));
    List<RunSpec> runs = CampaignGrid.expand(spec);
    assertEquals(50, runs.size(), "runs in the load campaign");
    assertEquals(runs.size(), reports.size(), "one report per run");
    for (RunSpec run : runs) {
      for (LearnabilityReport expected : InProcessRun.of(run).reports()) {
        LearnabilityReport actual = byRun.get(run.getRunId() + "@" + expected.getEpoch());
        assertTrue(actual != null, run.getRunId() + ": no report");
        assertEquals(expected.getWindowList(), actual.getWindowList(), run.getRunId() + ": H_N per N");
        assertEquals(expected.getNMinList(), actual.getNMinList(), run.getRunId() + ": N_min");
        assertEquals(expected.getAlphaList(), actual.getAlphaList(), run.getRunId() + ": α̂");
      }
    }
  }

  /** The {@code horizon_pipeline_assigned_partitions} gauge per topic, read from the instance's metrics. */
  private static Map<String, Double> assignedPartitions(RunningService instance)
      throws IOException, InterruptedException {
    HttpResponse<Stream<String>> metrics = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://" + instance.httpAddress() + "/q/metrics")).build(),
        HttpResponse.BodyHandlers.ofLines());
    Map<String, Double> held = new HashMap<>();
    metrics.body().map(ASSIGNED::matcher).filter(Matcher::matches)
        .forEach(m -> held.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum));
    return held;
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
