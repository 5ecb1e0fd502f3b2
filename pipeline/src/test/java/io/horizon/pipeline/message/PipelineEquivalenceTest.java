package io.horizon.pipeline.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.learnability.LearnabilityReport;
import io.horizon.core.model.GatedRnn;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.GradientSampleChunk;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.StableFit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's pieces chained by hand, as the services chain them over Kafka — checkpoint message, sample
 * chunks delivered per lag in order but interleaved across lags and partly twice, per-lag fits, envelope report,
 * join — give exactly the report of the in-process {@link CheckpointDiagnosis}.
 */
class PipelineEquivalenceTest {
  private static final String CAMPAIGN = """
      name: equivalence
      architectures: [gru]
      seeds: [5]
      hiddenSizes: [6]
      trainSequences: [32]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 24, inputDim: 3, lags: [2, 4], coefficients: [0.5, 0.3]}
      epochs: 1
      batchSize: 16
      checkpointEvery: 1
      diagnostic: {sequences: 24, lags: "1:12:6", reservoirCapacity: 100}
      """;

  @Test
  void chainedPiecesReproduceTheInProcessReport() {
    RunSpec run = CampaignGrid.expand(CampaignFiles.parse(CAMPAIGN, "test")).get(0);
    RunPlan plan = RunPlan.of(run);
    Checkpoint checkpoint = CheckpointMessages.encode(run, 1, plan.training().initialModel(), null);
    GatedRnn frozen = CheckpointMessages.decode(checkpoint);
    CheckpointDiagnosis diagnosis = plan.diagnosis(2);
    CheckpointDiagnosis.Result reference =
        diagnosis.run(frozen, plan.diagnosticSet(), plan.direction(frozen.config()), done -> { });

    List<GradientSampleChunk> chunks = Collections.synchronizedList(new ArrayList<>());
    int[] lags = diagnosis.kernel().lags();
    SampleChunker chunker = new SampleChunker(run, 1, lags, 7, chunks::add);
    DiagnosticResult trainerPass =
        diagnosis.pass(frozen, plan.diagnosticSet(), plan.direction(frozen.config()), chunker, done -> { });
    chunker.finish(trainerPass);

    LagFitAssembly estimator = new LagFitAssembly();
    List<StableFit> fits = new ArrayList<>();
    for (GradientSampleChunk c : interleavedWithRepeats(chunks, new Random(3))) {
      estimator.accept(c).ifPresent(fits::add);
    }
    assertEquals(lags.length, fits.size(), "one fit per lag, repeats ignored");

    DiagnosticResult diagnosticsPass =
        diagnosis.pass(frozen, plan.diagnosticSet(), plan.direction(frozen.config()), (l, v, n) -> { }, d -> { });
    ReportAssembly aggregator = new ReportAssembly();
    List<io.horizon.proto.v1.LearnabilityReport> reports = new ArrayList<>();
    fits.subList(0, 3).forEach(f -> aggregator.fit(f).forEach(reports::add));
    aggregator.envelope(EnvelopeMessages.encode(run, 1, "gru", diagnosticsPass)).forEach(reports::add);
    fits.subList(3, fits.size()).forEach(f -> aggregator.fit(f).forEach(reports::add));
    fits.forEach(f -> aggregator.fit(f).forEach(reports::add));
    assertEquals(1, reports.size(), "one report per checkpoint, late repeats ignored");

    LearnabilityReport expected = reference.report();
    io.horizon.proto.v1.LearnabilityReport actual = reports.get(0);
    assertArrayEquals(expected.complexity().window(), actual.getWindowList().stream().mapToInt(i -> i).toArray());
    assertArrayEquals(expected.complexity().minimalBudgets(), actual.getNMinList().stream().mapToLong(i -> i).toArray());
    assertArrayEquals(expected.statistics().fMean(), actual.getFMeanList().stream().mapToDouble(d -> d).toArray());
    assertArrayEquals(expected.statistics().alpha(), actual.getAlphaList().stream().mapToDouble(d -> d).toArray());
    assertArrayEquals(expected.statistics().gamma(), actual.getGammaList().stream().mapToDouble(d -> d).toArray());
    assertEquals(expected.summary(), actual.getSummary());
  }

  @Test
  void lastChunkCarriesTheLagTotalsAndEarlierOnesDoNot() {
    RunSpec run = CampaignGrid.expand(CampaignFiles.parse(CAMPAIGN, "test")).get(0);
    RunPlan plan = RunPlan.of(run);
    GatedRnn model = plan.training().initialModel();
    List<GradientSampleChunk> chunks = new ArrayList<>();
    CheckpointDiagnosis diagnosis = plan.diagnosis(1);
    SampleChunker chunker = new SampleChunker(run, 1, diagnosis.kernel().lags(), 10, chunks::add);
    DiagnosticResult result =
        diagnosis.pass(model, plan.diagnosticSet(), plan.direction(model.config()), chunker, d -> { });
    chunker.finish(result);
    Map<Integer, List<GradientSampleChunk>> byLag =
        chunks.stream().collect(Collectors.groupingBy(GradientSampleChunk::getLagIndex, TreeMap::new,
            Collectors.toList()));
    for (Map.Entry<Integer, List<GradientSampleChunk>> e : byLag.entrySet()) {
      List<GradientSampleChunk> lag = e.getValue();
      GradientSampleChunk last = lag.get(lag.size() - 1);
      assertEquals(lag.size(), last.getChunkCount());
      assertEquals(result.sampleCount()[e.getKey()], last.getTotalCount());
      assertEquals(result.sampleCount()[e.getKey()], lag.stream().mapToLong(GradientSampleChunk::getValuesCount).sum());
      for (int k = 0; k < lag.size() - 1; k++) {
        assertEquals(k, lag.get(k).getChunkIndex());
        assertEquals(10, lag.get(k).getValuesCount());
        assertEquals(0, lag.get(k).getChunkCount());
      }
      assertTrue(last.getValuesCount() >= 1 && last.getValuesCount() <= 10);
    }
  }

  /** The chunks of each lag in order, lags interleaved at random, every fifth chunk delivered twice. */
  private static List<GradientSampleChunk> interleavedWithRepeats(List<GradientSampleChunk> chunks, Random random) {
    Map<Integer, List<GradientSampleChunk>> byLag = chunks.stream()
        .collect(Collectors.groupingBy(GradientSampleChunk::getLagIndex, TreeMap::new, Collectors.toList()));
    List<List<GradientSampleChunk>> queues = new ArrayList<>(byLag.values().stream().map(ArrayList::new).toList());
    List<GradientSampleChunk> out = new ArrayList<>();
    int delivered = 0;
    while (!queues.isEmpty()) {
      List<GradientSampleChunk> q = queues.get(random.nextInt(queues.size()));
      GradientSampleChunk c = q.remove(0);
      out.add(c);
      if (++delivered % 5 == 0) {
        out.add(c);
      }
      if (q.isEmpty()) {
        queues.remove(q);
      }
    }
    return out;
  }
}
