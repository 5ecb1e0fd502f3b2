package io.horizon.pipeline.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.linalg.Precision;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.RunSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grid: every preset expands, in the documented order, with deterministic and distinct run ids. */
class CampaignGridTest {
  private static final String SMALL = """
      name: grid
      architectures: [diag, gru]
      seeds: [1, 2, 3]
      hiddenSizes: [8, 16]
      trainSequences: [64, 128]
      optimizers: [{kind: adamw, lr: 0.01}, {kind: sgd, lr: 0.1}]
      task: {name: adding, length: 40}
      batchSize: 16
      diagnostic: {lags: "2:30:8", sequences: 32}
      """;

  @Test
  void everyPresetExpandsIntoDistinctValidRuns() {
    for (String name : CampaignFiles.presets()) {
      CampaignSpec spec = CampaignFiles.preset(name);
      List<RunSpec> runs = CampaignGrid.expand(spec);
      int forcedTwins = spec.hasForcing()
          ? (int) spec.getArchitecturesList().stream().filter(CampaignGrid::forcible).count() : 0;
      int cells = (spec.getArchitecturesCount() + forcedTwins) * spec.getOptimizersCount() * spec.getSeedsCount()
          * spec.getHiddenSizesCount() * spec.getTrainSequencesCount();
      assertEquals(cells, runs.size(), name);
      assertEquals(cells, new HashSet<>(runs.stream().map(RunSpec::getRunId).toList()).size(), name);
      runs.forEach(RunPlan::of);
    }
  }

  @Test
  void runsFollowTheDocumentedNesting() {
    CampaignSpec spec = CampaignFiles.parse(SMALL, "grid.yaml");
    List<RunSpec> runs = CampaignGrid.expand(spec);
    int i = 0;
    for (String architecture : spec.getArchitecturesList()) {
      for (var optimizer : spec.getOptimizersList()) {
        for (long seed : spec.getSeedsList()) {
          for (int hidden : spec.getHiddenSizesList()) {
            for (int train : spec.getTrainSequencesList()) {
              RunSpec run = runs.get(i++);
              assertEquals(architecture, run.getArchitecture());
              assertEquals(optimizer, run.getOptimizer());
              assertEquals(seed, run.getSeed());
              assertEquals(hidden, run.getHiddenSize());
              assertEquals(train, run.getTrainSequences());
              assertTrue(run.getRunId().startsWith(spec.getName() + "-" + architecture + "-"), run.getRunId());
              assertEquals(spec.getName().length() + architecture.length() + 2 + CampaignGrid.ID_HEX_DIGITS,
                  run.getRunId().length());
            }
          }
        }
      }
    }
    assertEquals(runs.size(), i);
  }

  @Test
  void idsAreDeterministicAndIgnoreHowDefaultsAreWritten() {
    List<RunSpec> first = CampaignGrid.expand(CampaignFiles.parse(SMALL, "grid.yaml"));
    List<RunSpec> again = CampaignGrid.expand(CampaignFiles.parse(SMALL, "grid.yaml"));
    assertEquals(first, again);
    String explicitDefaults = SMALL.replace("{kind: adamw, lr: 0.01}", "{kind: adamw, lr: 0.01, weightDecay: 0.0001}")
        .replace("batchSize: 16", "batchSize: 16\nclipNorm: 1.0\nproducts: float64")
        .replace("sequences: 32}", "sequences: 32, products: float64}");
    assertTrue(explicitDefaults.contains("products: float64") && explicitDefaults.contains("clipNorm"));
    assertEquals(ids(first), ids(CampaignGrid.expand(CampaignFiles.parse(explicitDefaults, "grid.yaml"))));
  }

  @Test
  void float32ProductsReachTheDiagnosticPassAndTheRunSpec() {
    String yaml = SMALL.replace("sequences: 32}", "sequences: 32, products: float32}");
    RunSpec run = CampaignGrid.expand(CampaignFiles.parse(yaml, "grid.yaml")).get(0);
    assertEquals("float32", run.getDiagnostic().getProducts());
    DiagnosticSettings settings = DiagnosticSettings.of(run.getDiagnostic(), run.getTask().getLength(), "run");
    assertEquals(Precision.FLOAT32, settings.kernel(2).products());
    RunSpec plain = CampaignGrid.expand(CampaignFiles.parse(SMALL, "grid.yaml")).get(0);
    assertEquals("", plain.getDiagnostic().getProducts(), "float64 is not written");
    assertEquals(Precision.FLOAT64,
        DiagnosticSettings.of(plain.getDiagnostic(), plain.getTask().getLength(), "run").kernel(2).products());
  }

  @Test
  void float32TrainingProductsReachTheRunsTrainingConfig() {
    String yaml = SMALL.replace("batchSize: 16", "batchSize: 16\nproducts: float32");
    RunSpec run = CampaignGrid.expand(CampaignFiles.parse(yaml, "grid.yaml")).get(0);
    assertEquals("float32", run.getProducts());
    assertEquals(Precision.FLOAT32, RunPlan.of(run).training().training().products());
    RunSpec plain = CampaignGrid.expand(CampaignFiles.parse(SMALL, "grid.yaml")).get(0);
    assertEquals("", plain.getProducts(), "float64 is not written");
    assertEquals(Precision.FLOAT64, RunPlan.of(plain).training().training().products());
    assertNotEquals(plain.getRunId(), run.getRunId());
  }

  @Test
  void changingAnyFieldOfACellChangesItsId() {
    RunSpec cell = CampaignGrid.expand(CampaignFiles.preset("quick")).get(0);
    String id = cell.getRunId();
    List<RunSpec> variants = List.of(
        cell.toBuilder().setCampaign("other").build(),
        cell.toBuilder().setSeed(cell.getSeed() + 1).build(),
        cell.toBuilder().setHiddenSize(cell.getHiddenSize() + 1).build(),
        cell.toBuilder().setEpochs(cell.getEpochs() + 1).build(),
        cell.toBuilder().setOptimizer(cell.getOptimizer().toBuilder().setLr(cell.getOptimizer().getLr() * 2)).build(),
        cell.toBuilder().setTask(cell.getTask().toBuilder().setNoiseStd(0)).build(),
        cell.toBuilder().setDiagnostic(cell.getDiagnostic().toBuilder().setSequences(1)).build(),
        cell.toBuilder().setDiagnostic(cell.getDiagnostic().toBuilder().setProducts("float32")).build());
    Set<String> ids = new HashSet<>(List.of(id));
    for (RunSpec variant : variants) {
      String variantId = CampaignGrid.runId(variant.toBuilder().clearRunId().build());
      assertNotEquals(id, variantId, variant::toString);
      ids.add(variantId);
    }
    assertEquals(variants.size() + 1, ids.size());
    assertEquals(id, CampaignGrid.runId(cell), "the run id field itself does not enter the hash");
  }

  private static List<String> ids(List<RunSpec> runs) {
    return runs.stream().map(RunSpec::getRunId).toList();
  }
}
