package io.horizon.pipeline.coupling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.coupling.AnisotropyMetrics;
import io.horizon.core.coupling.GradientAnisotropy;
import io.horizon.core.coupling.JacobianAnisotropy;
import io.horizon.core.coupling.LagAnisotropy;
import io.horizon.core.coupling.SensitivityProfile;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.LeakyStepJacobians;
import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceDataset;
import io.horizon.core.task.Task;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.v1.CouplingAnisotropy;
import io.horizon.proto.v1.CouplingLagAnisotropy;
import io.horizon.proto.v1.CouplingProfile;
import io.horizon.proto.v1.CouplingSensitivity;
import io.horizon.proto.v1.QuartileSpread;
import io.horizon.proto.v1.RunSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coupling profile the diagnostics stage computes equals the {@code core} computation (THEORY §10.2–10.3) on
 * the documented probe batches: S1 on the run's task with seed run seed + 999, S2's Jacobian side on its own batch
 * of that seed, the gradient side on fresh sequences of a seed derived from it.
 */
class CouplingAnalysisTest {
  private static final int S1_SEQUENCES = 3;
  private static final int ITERATIONS = 4;
  private static final int[] LAGS = {1, 3, 7};
  private static final int PAIRS = 5;
  private static final int RANK = 3;
  private static final int RETAINED = 5;
  private static final int ROWS = 12;
  private static final int S2_SEQUENCES = 4;
  private static final String CAMPAIGN = """
      name: tiny-tsc
      architectures: [const, shared, diag]
      seeds: [4]
      hiddenSizes: [6]
      trainSequences: [32]
      optimizers: [{kind: sgd, lr: 0.01}]
      task: {name: adding, length: 16, inputDim: 3}
      epochs: 1
      batchSize: 16
      diagnostic:
        sequences: 16
        lags: "1:12:6"
        coupling:
          sensitivity: {sequences: %d, powerIterations: %d}
          anisotropy: {lags: [1, 3, 7], pairsPerLag: %d, rank: %d, retained: %d, gradientRows: %d, sequences: %d}
      """.formatted(S1_SEQUENCES, ITERATIONS, PAIRS, RANK, RETAINED, ROWS, S2_SEQUENCES);

  @Test
  void theProfileEqualsTheCoreComputationOnTheSeededProbeBatches() {
    for (RunSpec run : CampaignGrid.expand(CampaignFiles.parse(CAMPAIGN, "tiny.yaml"))) {
      RunPlan plan = RunPlan.of(run);
      GatedRnn model = plan.training().initialModel();
      CouplingProfile profile = CouplingAnalysis.of(plan, model).orElseThrow();
      Task task = plan.training().task().create();
      long probe = run.getSeed() + 999;
      SensitivityProfile s1 = SensitivityProfile.measure(jacobians(model, task.generate(S1_SEQUENCES, probe)),
          ITERATIONS, probe);
      CouplingSensitivity sensitivity = profile.getSensitivity();
      String what = run.getArchitecture();
      assertArrayEquals(s1.lags(), sensitivity.getLagsList().stream().mapToInt(Integer::intValue).toArray(), what);
      assertArrayEquals(s1.effective(), doubles(sensitivity.getEffectiveList()), what);
      assertArrayEquals(s1.zerothOrder(), doubles(sensitivity.getZerothOrderList()), what);
      assertArrayEquals(s1.predictorMedian(), doubles(sensitivity.getPredictorMedianList()), what);
      assertArrayEquals(s1.fitted(), doubles(sensitivity.getFittedList()), what);
      assertEquals(s1.slope().slope(), sensitivity.getSlope().getSlope(), what);
      assertEquals(s1.slope().r2(), sensitivity.getSlope().getR2(), what);
      assertEquals(s1.slope().pairs(), sensitivity.getSlope().getPairs(), what);
      assertEquals(S1_SEQUENCES, sensitivity.getSequences());

      List<LagAnisotropy> lags = JacobianAnisotropy.measure(
          jacobians(model, task.generate(S2_SEQUENCES, probe)), LAGS, PAIRS, RANK, RETAINED, probe);
      AnisotropyMetrics gradient = GradientAnisotropy.measure(model,
          task.generate(ROWS, Rng.derive(probe, "coupling/s2/gradient-rows")), RANK, RETAINED, probe);
      CouplingAnisotropy anisotropy = profile.getAnisotropy();
      assertEquals(LAGS.length, anisotropy.getLagsCount(), what);
      for (int i = 0; i < LAGS.length; i++) {
        CouplingLagAnisotropy lag = anisotropy.getLags(i);
        assertEquals(LAGS[i], lag.getLag());
        assertEquals(PAIRS, lag.getPairs());
        assertSpread(lags.get(i).anisotropy().median(), lags.get(i).anisotropy().lower(),
            lags.get(i).anisotropy().upper(), lag.getAnisotropy());
        assertSpread(lags.get(i).concentration().median(), lags.get(i).concentration().lower(),
            lags.get(i).concentration().upper(), lag.getConcentration());
      }
      assertEquals(gradient.anisotropy(), anisotropy.getGradientAnisotropy(), what);
      assertEquals(gradient.concentration(), anisotropy.getGradientConcentration(), what);
      assertEquals(ROWS, anisotropy.getGradientRows());
      assertEquals(RANK, anisotropy.getRank());
      assertEquals(RETAINED, anisotropy.getRetained());
    }
  }

  @Test
  void switchedOffPartsAreAbsentAndARunWithoutCouplingHasNone() {
    String s1Only = CAMPAIGN.replace("anisotropy: {lags", "anisotropy: {enabled: false, lags");
    RunPlan plan = RunPlan.of(CampaignGrid.expand(CampaignFiles.parse(s1Only, "tiny.yaml")).get(0));
    CouplingProfile profile = CouplingAnalysis.of(plan, plan.training().initialModel()).orElseThrow();
    assertTrue(profile.hasSensitivity());
    assertFalse(profile.hasAnisotropy());
    String none = CAMPAIGN.substring(0, CAMPAIGN.indexOf("  coupling:"));
    RunPlan off = RunPlan.of(CampaignGrid.expand(CampaignFiles.parse(none, "tiny.yaml")).get(0));
    assertTrue(CouplingAnalysis.of(off, off.training().initialModel()).isEmpty());
  }

  private static void assertSpread(double median, double lower, double upper, QuartileSpread actual) {
    assertEquals(median, actual.getMedian());
    assertEquals(lower, actual.getLower());
    assertEquals(upper, actual.getUpper());
  }

  private static LeakyStepJacobians jacobians(GatedRnn model, SequenceDataset probe) {
    return LeakyStepJacobians.of(model, model.forward(probe.batch(0, probe.count())));
  }

  private static double[] doubles(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
