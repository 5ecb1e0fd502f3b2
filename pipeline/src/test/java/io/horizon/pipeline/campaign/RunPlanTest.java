package io.horizon.pipeline.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.io.ProjectionDirection;
import io.horizon.core.io.YamlFiles;
import io.horizon.core.kernel.KernelOptions;
import io.horizon.core.kernel.LagGrid;
import io.horizon.core.kernel.LagWindow;
import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.learnability.LearnabilityOptions;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.stable.LagAccumulator;
import io.horizon.core.stable.StableMethod;
import io.horizon.core.task.SequenceDataset;
import io.horizon.core.train.EpochMetrics;
import io.horizon.core.train.RunSpec;
import io.horizon.core.train.Trainer;
import io.horizon.core.train.TrainingListener;
import io.horizon.proto.v1.CollapseSpec;
import io.horizon.proto.v1.DiagnosticSpec;
import io.horizon.proto.v1.OptimizerSpec;
import io.horizon.proto.v1.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RunPlan: the quick preset gives the run file quick-run.yaml (core run-file format) diagnosed with the core
 * defaults, and the training part round-trips the proto fields.
 */
class RunPlanTest {
  /** The quick campaign's run written by hand as a core run file. */
  private static final Path DEMO_RUN =
      Path.of("src", "test", "resources", "io", "horizon", "pipeline", "campaign", "quick-run.yaml");
  /** The quick campaign's diagnostic set size. */
  private static final int DEMO_DIAGNOSTIC_SEQUENCES = 512;
  /** The quick campaign's lag grid. */
  private static final String DEMO_LAGS = "4:120:32";

  @Test
  void quickPresetRunsAreTheDemoRuns() {
    List<io.horizon.proto.v1.RunSpec> runs = CampaignGrid.expand(CampaignFiles.preset("quick"));
    Map<String, Object> demo = YamlFiles.read(DEMO_RUN);
    int threads = Runtime.getRuntime().availableProcessors();
    for (io.horizon.proto.v1.RunSpec run : runs) {
      RunPlan plan = RunPlan.of(run);
      RunSpec expected = RunSpec.fromMap(withArchitecture(demo, run.getArchitecture()), "demo");
      RunSpec actual = plan.training();
      assertEquals(expected.seed(), actual.seed());
      assertEquals(expected.model(), actual.model());
      assertEquals(expected.task(), actual.task());
      assertEquals(expected.training(), actual.training());

      CheckpointDiagnosis demoDiagnosis = new CheckpointDiagnosis(KernelOptions.defaults(LagGrid.parse(DEMO_LAGS)),
          StableMethod.MCCULLOCH_SYMMETRIC, LearnabilityOptions.defaults(), LagAccumulator.DEFAULT_CAPACITY,
          expected.seed());
      CheckpointDiagnosis diagnosis = plan.diagnosis(threads);
      assertKernelEquals(demoDiagnosis.kernel(), diagnosis.kernel());
      assertEquals(demoDiagnosis.method(), diagnosis.method());
      assertLearnabilityEquals(demoDiagnosis.learnability(), diagnosis.learnability());
      assertEquals(demoDiagnosis.reservoirCapacity(), diagnosis.reservoirCapacity());
      assertEquals(demoDiagnosis.seed(), diagnosis.seed());

      SequenceDataset demoSet =
          expected.task().create().generate(DEMO_DIAGNOSTIC_SEQUENCES, expected.diagnosticSeed());
      SequenceDataset set = plan.diagnosticSet();
      assertEquals(demoSet.count(), set.count());
      assertArrayEquals(demoSet.x(), set.x());
      assertArrayEquals(demoSet.y(), set.y());

      ParameterSet demoDirection = ProjectionDirection.random(expected.model(), expected.seed());
      assertArrayEquals(demoDirection.flatten(), plan.direction(actual.model()).flatten());
    }
  }

  @Test
  void trainingRoundTripsTheProtoFields() {
    io.horizon.proto.v1.RunSpec run = io.horizon.proto.v1.RunSpec.newBuilder().setCampaign("c").setRunId("c-gru-1")
        .setArchitecture("gru").setSeed(77).setHiddenSize(24).setTrainSequences(96).setEpochs(3).setBatchSize(16)
        .setClipNorm(0).setCheckpointEvery(2).setLayerNorm(true).setConstS(0.2)
        .setOptimizer(OptimizerSpec.newBuilder().setKind("sgd-momentum").setLr(0.02).setWeightDecay(0)
            .setMomentum(0.8))
        .setTask(TaskSpec.newBuilder().setName("recall").setLength(40).setInputDim(3).putExtra("markers", 2))
        .setDiagnostic(DiagnosticSpec.newBuilder().setLags("2:30:5")).build();
    RunSpec core = RunPlan.of(run).training();
    assertEquals(run.getRunId(), core.name());
    assertEquals(run.getSeed(), core.seed());
    assertEquals(run.getArchitecture(), core.model().architecture().id());
    assertEquals(run.getHiddenSize(), core.model().hiddenSize());
    assertEquals(run.getLayerNorm(), core.model().layerNorm());
    assertEquals(run.getConstS(), core.model().constS());
    assertEquals(run.getTrainSequences(), core.training().trainSequences());
    assertEquals(run.getEpochs(), core.training().epochs());
    assertEquals(run.getBatchSize(), core.training().batchSize());
    assertEquals(run.getClipNorm(), core.training().clipNorm());
    assertEquals(run.getCheckpointEvery(), core.training().checkpointEvery());
    assertEquals(run.getOptimizer(), SpecMaps.optimizer(core.training().optimizer()));
    assertEquals(run.getTask(), SpecMaps.task(core.task()));
  }

  @Test
  void checkpointEpochsAreThoseTheTrainerCheckpointsAfter() {
    io.horizon.proto.v1.RunSpec run = io.horizon.proto.v1.RunSpec.newBuilder().setArchitecture("diag")
        .setHiddenSize(3).setSeed(2).setEpochs(7).setCheckpointEvery(3).setTrainSequences(16).setBatchSize(16)
        .setTask(TaskSpec.newBuilder().setName("adding"))
        .setDiagnostic(DiagnosticSpec.newBuilder().setLags("2:40:5")).build();
    RunPlan plan = RunPlan.of(run);
    RunSpec spec = plan.training();
    List<Integer> due = new ArrayList<>();
    new Trainer(spec.training()).train(spec.initialModel(), spec.task().create(), new TrainingListener() {
      @Override
      public void checkpointDue(int epoch, EpochMetrics m, GatedRnn model) {
        due.add(epoch);
      }
    });
    assertEquals(List.of(3, 6, 7), due, "every third epoch and the last");
    assertArrayEquals(due.stream().mapToInt(Integer::intValue).toArray(), plan.checkpointEpochs());
  }

  @Test
  void unsetFieldsTakeTheDocumentedDefaults() {
    io.horizon.proto.v1.RunSpec run = io.horizon.proto.v1.RunSpec.newBuilder().setArchitecture("diag").build();
    RunPlan plan = RunPlan.of(run);
    RunSpec core = plan.training();
    assertEquals(RunSpec.DEFAULT_HIDDEN, core.model().hiddenSize());
    assertTrue(core.training().clipNorm() > 0, "clipping is on unless clip_norm is set to 0");
    assertTrue(core.training().optimizer().weightDecay() > 0, "adamw decays unless weight_decay is set to 0");
    assertEquals(DiagnosticSettings.DEFAULT_SEQUENCES, plan.diagnosticSequences());
    assertArrayEquals(LagGrid.parse(LagGrid.DEFAULT), plan.kernel(1).lags());
    assertTrue(plan.kernel(1).firstOrder());
    assertEquals(StableMethod.MCCULLOCH_SYMMETRIC, plan.method());
    assertEquals(LagAccumulator.DEFAULT_CAPACITY, plan.reservoirCapacity());
  }

  @Test
  void directionSeedReplacesTheRunSeed() {
    io.horizon.proto.v1.RunSpec base = io.horizon.proto.v1.RunSpec.newBuilder().setArchitecture("const")
        .setHiddenSize(8).setSeed(5).setTask(TaskSpec.newBuilder().setName("adding"))
        .setDiagnostic(DiagnosticSpec.newBuilder().setLags("2:40:5")).build();
    RunPlan bySeed = RunPlan.of(base);
    RunPlan byDirectionSeed = RunPlan.of(withDirectionSeed(base, base.getSeed()));
    RunPlan otherDirectionSeed = RunPlan.of(withDirectionSeed(base, base.getSeed() + 1));
    ModelConfig config = bySeed.training().model();
    assertArrayEquals(bySeed.direction(config).flatten(), byDirectionSeed.direction(config).flatten());
    assertFalse(Arrays.equals(
        bySeed.direction(config).flatten(), otherDirectionSeed.direction(config).flatten()));
  }

  /**
   * The diagnostics stage's pass keeps the per-unit mean of log|μ| exactly when the anti-collapse analyses are on,
   * over their resolved τ window (THEORY §7.4 AC variant); the trainer's sampling pass never does, and the two
   * passes agree in every other setting.
   */
  @Test
  void collapseTurnsOnTheMeanOfLogOverItsWindowInTheEnvelopePassOnly() {
    io.horizon.proto.v1.RunSpec plain = io.horizon.proto.v1.RunSpec.newBuilder().setArchitecture("diag")
        .setTask(TaskSpec.newBuilder().setName("adding").setLength(80))
        .setDiagnostic(DiagnosticSpec.newBuilder().setLags("4:76:10")).build();
    assertNull(RunPlan.of(plain).envelopeDiagnosis(1).kernel().unitLogWindow());
    io.horizon.proto.v1.RunSpec withCollapse = plain.toBuilder().setDiagnostic(plain.getDiagnostic().toBuilder()
        .setCollapse(CollapseSpec.newBuilder().setTauWindowFrom(20).setTauWindowTo(70))).build();
    RunPlan plan = RunPlan.of(withCollapse);
    CollapseSettings settings = plan.collapse().orElseThrow();
    KernelOptions envelope = plan.envelopeDiagnosis(2).kernel();
    assertEquals(new LagWindow(settings.windowFrom(), settings.windowTo()), envelope.unitLogWindow());
    assertEquals(new LagWindow(20, 68), envelope.unitLogWindow(), "first and last grid lag");
    KernelOptions sampling = plan.diagnosis(2).kernel();
    assertNull(sampling.unitLogWindow());
    assertKernelEquals(sampling, envelope.withUnitLogWindow(null));
  }

  @Test
  void badRunFieldsNameTheirPath() {
    io.horizon.proto.v1.RunSpec run = io.horizon.proto.v1.RunSpec.newBuilder().setRunId("r1").setArchitecture("gru")
        .setDiagnostic(DiagnosticSpec.newBuilder().setAlphaMethod("hill")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunPlan.of(run));
    assertTrue(e.getMessage().startsWith("r1.diagnostic.alphaMethod: "), e.getMessage());
  }

  private static io.horizon.proto.v1.RunSpec withDirectionSeed(io.horizon.proto.v1.RunSpec run, long seed) {
    return run.toBuilder().setDiagnostic(run.getDiagnostic().toBuilder().setDirectionSeed(seed)).build();
  }

  private static void assertKernelEquals(KernelOptions expected, KernelOptions actual) {
    assertArrayEquals(expected.lags(), actual.lags());
    assertEquals(expected.firstOrder(), actual.firstOrder());
    assertEquals(expected.resetEnvelopes(), actual.resetEnvelopes());
    assertEquals(expected.gauge(), actual.gauge());
    assertEquals(expected.tangentMode(), actual.tangentMode());
    assertEquals(expected.retention(), actual.retention());
    assertEquals(expected.batchSize(), actual.batchSize());
    assertEquals(expected.threads(), actual.threads());
    assertEquals(expected.unitLogWindow(), actual.unitLogWindow());
  }

  private static void assertLearnabilityEquals(LearnabilityOptions expected, LearnabilityOptions actual) {
    assertEquals(expected.alphaMode(), actual.alphaMode());
    assertArrayEquals(expected.budgets(), actual.budgets());
    assertEquals(expected.threshold(), actual.threshold());
    assertEquals(expected.acWindowFrom(), actual.acWindowFrom());
    assertEquals(expected.acWindowTo(), actual.acWindowTo());
    assertEquals(expected.kdePoints(), actual.kdePoints());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withArchitecture(Map<String, Object> demo, String architecture) {
    Map<String, Object> run = new LinkedHashMap<>(demo);
    Map<String, Object> model = new LinkedHashMap<>((Map<String, Object>) demo.get("model"));
    model.put("architecture", architecture);
    run.put("model", model);
    return run;
  }
}
