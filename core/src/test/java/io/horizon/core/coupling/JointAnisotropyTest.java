package io.horizon.core.coupling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.LeakyStepJacobians;
import io.horizon.core.model.ModelChecks;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceDataset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S2 (THEORY §10.3): both sides on inputs with known singular values, and on trained-shape models. */
class JointAnisotropyTest {
  private static final int D = 3;
  private static final int H = 8;
  private static final int T = 20;

  private static GatedRnn model(Architecture architecture, long seed) {
    return ModelChecks.randomModel(new ModelConfig(architecture, D, H, false, 0.3), seed, 0.5);
  }

  @Test
  void gradientRowsWithPrescribedColumnEnergiesAreRecovered() {
    int columns = 12;
    int width = columns + 3;
    int[] multiplicity = new int[columns];
    Arrays.setAll(multiplicity, i -> columns - i);
    int count = 2 * Arrays.stream(multiplicity).sum();
    double[] rows = new double[count * width];
    Rng scales = new Rng(91);
    int row = 0;
    for (int i = 0; i < columns; i++) {
      for (int m = 0; m < 2 * multiplicity[i]; m++) {
        rows[row * width + i] = (m % 2 == 0 ? 1 : -1) * scales.uniform(0.5, 3.0);
        row++;
      }
    }
    AnisotropyMetrics metrics = GradientAnisotropy.ofRows(rows, count, width, 10, 16, 92);
    // centred unit rows ±e_i make orthogonal columns of energy 2·m_i: σ_i = sqrt(2 m_i)
    assertEquals(Math.sqrt((double) multiplicity[0] / multiplicity[9]), metrics.anisotropy(), 1e-6);
    double head = 0;
    double total = 0;
    for (int i = 0; i < columns; i++) {
      total += multiplicity[i];
      head += i < 10 ? multiplicity[i] : 0;
    }
    assertEquals(head / total, metrics.concentration(), 1e-6);
  }

  @Test
  void scaledIdentityProductsAreIsotropic() {
    GatedRnn model = model(Architecture.CONST, 93);
    Arrays.fill(model.parameters().data("Wh.weight"), 0.0);
    LeakyStepJacobians jacobians = LeakyStepJacobians.of(model, model.forward(ModelChecks.randomBatch(2, T, D, 94)));
    List<LagAnisotropy> lags = JacobianAnisotropy.measure(jacobians, new int[] {1, 4, 19}, 5, 4, 8, 95);
    for (LagAnisotropy lag : lags) {
      assertEquals(1.0, lag.anisotropy().median(), 1e-12, "lag " + lag.lag());
      assertEquals(0.5, lag.concentration().median(), 1e-12, "lag " + lag.lag());
      assertEquals(5, lag.pairs());
    }
  }

  @Test
  void gatedProductsGiveOrderedSeededSpreads() {
    GatedRnn model = model(Architecture.DIAG, 96);
    LeakyStepJacobians jacobians = LeakyStepJacobians.of(model, model.forward(ModelChecks.randomBatch(3, T, D, 97)));
    List<LagAnisotropy> a = JacobianAnisotropy.measure(jacobians, new int[] {1, 8, 16}, 12, 4, 8, 98);
    List<LagAnisotropy> b = JacobianAnisotropy.measure(jacobians, new int[] {1, 8, 16}, 12, 4, 8, 98);
    assertEquals(a, b);
    for (LagAnisotropy lag : a) {
      Spread ai = lag.anisotropy();
      assertTrue(ai.lower() >= 1.0 && ai.lower() <= ai.median() && ai.median() <= ai.upper(), "AI " + ai);
      Spread ce = lag.concentration();
      assertTrue(ce.lower() >= 0.5 && ce.upper() <= 1.0, "CE " + ce);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JacobianAnisotropy.measure(jacobians, new int[] {1, T}, 4, 4, 8, 1));
    assertTrue(e.getMessage().startsWith("lags[1]:"), e.getMessage());
  }

  @Test
  void perSampleGradientsOfAModelGiveSeededMetrics() {
    GatedRnn model = model(Architecture.SHARED, 99);
    SequenceDataset samples = ModelChecks.randomDataset(24, T, D, 100);
    AnisotropyMetrics a = GradientAnisotropy.measure(model, samples, 4, 8, 101);
    assertEquals(a, GradientAnisotropy.measure(model, samples, 4, 8, 101));
    assertTrue(a.anisotropy() >= 1.0, "AI " + a.anisotropy());
    assertTrue(a.concentration() >= 0.5 && a.concentration() <= 1.0, "CE " + a.concentration());
  }
}
