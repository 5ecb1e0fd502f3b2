package io.horizon.pipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.model.GatedRnn;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.message.LagFitAssembly;
import io.horizon.proto.v1.GradientSampleChunk;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.StableFit;
import io.horizon.pipeline.message.SampleChunker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The estimator's restart rule without a broker: one partition of interleaved sample chunks is consumed in
 * batches, offsets are committed as {@link HeldOffsets} allows, the stage "crashes" at every possible point and a
 * fresh one resumes from the committed offset. Every lag still gets its fit, and every fit published before or
 * after the crash equals the undisturbed one: nothing lost, no sample counted twice.
 */
class RestartReplayTest {
  private static final TopicPartition PARTITION = new TopicPartition("horizon.gradient-samples", 0);
  private static final int BATCH = 3;
  private static final String CAMPAIGN = """
      name: restart
      architectures: [diag]
      seeds: [4]
      hiddenSizes: [5]
      trainSequences: [32]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 20, inputDim: 2, lags: [2, 3], coefficients: [0.5, 0.3]}
      epochs: 1
      batchSize: 16
      diagnostic: {sequences: 16, lags: "2:9:5", reservoirCapacity: 40}
      """;

  private static List<GradientSampleChunk> log;
  private static Map<Integer, StableFit> undisturbed;

  @BeforeAll
  static void partitionLog() {
    RunSpec run = CampaignGrid.expand(CampaignFiles.parse(CAMPAIGN, "test")).get(0);
    RunPlan plan = RunPlan.of(run);
    GatedRnn model = plan.training().initialModel();
    CheckpointDiagnosis diagnosis = plan.diagnosis(1);
    List<GradientSampleChunk> chunks = new ArrayList<>();
    SampleChunker chunker = new SampleChunker(run, 1, diagnosis.kernel().lags(), 9, chunks::add);
    DiagnosticResult result = diagnosis.pass(model, plan.diagnosticSet(), plan.direction(model.config()), chunker,
        d -> { });
    chunker.finish(result);
    log = interleaved(chunks, new Random(11));
    undisturbed = new HashMap<>();
    LagFitAssembly assembly = new LagFitAssembly();
    log.forEach(c -> assembly.accept(c).ifPresent(f -> undisturbed.put(f.getLag(), f)));
    assertEquals(diagnosis.kernel().lags().length, undisturbed.size());
  }

  @Test
  void aCrashAtAnyRecordLosesNothingAndCountsNothingTwice() {
    for (int crash = 0; crash <= log.size(); crash++) {
      List<StableFit> published = new ArrayList<>();
      long committed = consume(0, crash, published);
      consume(committed, log.size(), published);
      Map<Integer, StableFit> last = new HashMap<>();
      for (StableFit f : published) {
        assertEquals(undisturbed.get(f.getLag()), f, "crash after record " + crash + ", lag " + f.getLag());
        last.put(f.getLag(), f);
      }
      assertEquals(undisturbed.keySet(), last.keySet(), "crash after record " + crash + ": every lag fitted");
    }
  }

  /** A fresh stage reads records [from, to) in batches, committing after each; returns the last commit. */
  private static long consume(long from, int to, List<StableFit> published) {
    LagFitAssembly assembly = new LagFitAssembly();
    HeldOffsets held = new HeldOffsets();
    long committed = from;
    for (long offset = from; offset < to; offset++) {
      GradientSampleChunk chunk = log.get((int) offset);
      String key = LagFitAssembly.key(chunk);
      assembly.accept(chunk).ifPresentOrElse(f -> {
        published.add(f);
        held.close(key);
      }, () -> { });
      if (assembly.isOpen(key)) {
        held.read(key, PARTITION, offset);
      }
      if ((offset + 1 - from) % BATCH == 0) {
        committed = held.committable(Map.of(PARTITION, offset + 1)).get(PARTITION);
      }
    }
    return committed;
  }

  /** The chunks of each lag in order, lags interleaved at random (one partition holds several lags). */
  private static List<GradientSampleChunk> interleaved(List<GradientSampleChunk> chunks, Random random) {
    Map<Integer, List<GradientSampleChunk>> byLag = new HashMap<>();
    chunks.forEach(c -> byLag.computeIfAbsent(c.getLagIndex(), k -> new ArrayList<>()).add(c));
    List<List<GradientSampleChunk>> queues = new ArrayList<>(byLag.values());
    List<GradientSampleChunk> out = new ArrayList<>();
    while (!queues.isEmpty()) {
      List<GradientSampleChunk> q = queues.get(random.nextInt(queues.size()));
      out.add(q.remove(0));
      if (q.isEmpty()) {
        queues.remove(q);
      }
    }
    return out;
  }
}
