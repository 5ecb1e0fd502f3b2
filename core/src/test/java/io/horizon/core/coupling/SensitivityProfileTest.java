package io.horizon.core.coupling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.LeakyStepJacobians;
import io.horizon.core.model.ModelChecks;
import io.horizon.core.model.ModelConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** S1 (THEORY §10.2) on closed forms: the ConstGate leak power, a linear model, the plain RNN. */
class SensitivityProfileTest {
  private static final int D = 3;
  private static final int H = 5;
  private static final int B = 2;
  private static final int T = 14;

  private static LeakyStepJacobians jacobians(GatedRnn model, long seed) {
    return LeakyStepJacobians.of(model, model.forward(ModelChecks.randomBatch(B, T, D, seed)));
  }

  private static GatedRnn model(Architecture architecture, double s, long seed) {
    return ModelChecks.randomModel(new ModelConfig(architecture, D, H, false, s), seed, 0.5);
  }

  @Test
  void constGateOverlayIsTheLeakPower() {
    double s = 0.3;
    SensitivityProfile profile = SensitivityProfile.measure(jacobians(model(Architecture.CONST, s, 81), 82), 1);
    for (int i = 0; i < profile.lags().length; i++) {
      int h = profile.lags()[i];
      assertEquals(i + 1, h);
      assertEquals(Math.pow(1 - s, h), profile.predictorMedian()[i], 1e-13 * Math.pow(1 - s, h), "P̄ at h=" + h);
      assertEquals(Math.pow(1 - s, h - 1), profile.zerothOrder()[i], 1e-13, "overlay at h=" + h);
    }
    assertEquals(1.0, profile.effective()[0]);
    assertNotNull(profile.slope());
    // the B pairs of the longest lag, (1−s)^{T−1}, lie below the 1% predictor quantile and leave the fit
    assertEquals(B * T * (T - 1) / 2 - B, profile.slope().pairs());
  }

  @Test
  void linearModelHasUnitSlopeAndTheOverlayAsProfile() {
    double s = 0.4;
    GatedRnn model = model(Architecture.CONST, s, 83);
    Arrays.fill(model.parameters().data("Wh.weight"), 0.0);
    SensitivityProfile profile = SensitivityProfile.measure(jacobians(model, 84), 2);
    assertEquals(1.0, profile.slope().slope(), 1e-12);
    assertEquals(1.0, profile.slope().r2(), 1e-12);
    assertEquals(0.0, profile.slope().intercept(), 1e-12);
    assertArrayEquals(profile.zerothOrder(), profile.effective(), 1e-12);
    assertArrayEquals(profile.zerothOrder(), profile.fitted(), 1e-12);
  }

  @Test
  void gatedProfileIsSeededAndGivesAHeatmapRow() {
    LeakyStepJacobians jacobians = jacobians(model(Architecture.DIAG, 0.3, 85), 86);
    SensitivityProfile a = SensitivityProfile.measure(jacobians, 3);
    SensitivityProfile b = SensitivityProfile.measure(jacobians, 3);
    assertArrayEquals(a.effective(), b.effective());
    assertTrue(Double.isFinite(a.slope().slope()) && a.slope().r2() <= 1.0, "slope " + a.slope());
    HeatmapRow row = a.heatmapRow(400);
    assertEquals(400, row.checkpoint());
    assertArrayEquals(a.effective(), row.values());
    assertEquals(T - 1, row.lags().length);
  }

  @Test
  void plainRnnHasNoPredictorAndNoSlope() {
    SensitivityProfile profile = SensitivityProfile.measure(jacobians(model(Architecture.CONST, 1.0, 87), 88), 4);
    assertNull(profile.slope());
    assertNull(profile.fitted());
    assertEquals(1.0, profile.effective()[0]);
  }

  @Test
  void tooFewPairsGiveNoSlope() {
    double[] values = new double[SlopeFit.MIN_PAIRS - 1];
    Arrays.setAll(values, i -> Math.exp(-i));
    assertNull(SlopeFit.fit(values, values));
  }
}
