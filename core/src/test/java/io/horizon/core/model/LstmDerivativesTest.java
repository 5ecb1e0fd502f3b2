package io.horizon.core.model;

import io.horizon.core.io.ProjectionDirection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceBatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LSTM derivatives (THEORY §2.5, §5.4) against central finite differences: BPTT, the total and immediate tangents,
 * and the one-step update against the forward pass.
 */
class LstmDerivativesTest {
  private static final int D = 3;
  private static final int H = 5;
  private static final int T = 9;
  private static final int B = 3;
  /** Parameter scale: large enough to exercise every path, small enough to keep the gates off saturation. */
  private static final double SCALE = 0.5;

  private static GatedRnn model(boolean layerNorm, long seed) {
    return ModelChecks.randomModel(
        new ModelConfig(Architecture.LSTM, D, H, layerNorm, ModelConfig.DEFAULT_CONST_S), seed, SCALE);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void bpttMatchesFiniteDifferences(boolean layerNorm) {
    ModelChecks.assertGradientMatchesFiniteDifferences(
        model(layerNorm, 1), ModelChecks.randomBatch(B, T, D, 2), 1e-6);
  }

  @Test
  void bpttWithNonUniformStepWeightsMatchesFiniteDifferences() {
    SequenceBatch plain = ModelChecks.randomBatch(B, T, D, 4);
    Rng rng = new Rng(5);
    double[] weights = new double[T];
    for (int t = 0; t < T; t++) {
      weights[t] = rng.uniform(0, 2);
    }
    weights[2] = 0;
    SequenceBatch weighted = new SequenceBatch(plain.x(), plain.y(), B, T, D, weights);
    ModelChecks.assertGradientMatchesFiniteDifferences(model(true, 3), weighted, 1e-6);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void totalTangentMatchesFiniteDifferences(boolean layerNorm) {
    GatedRnn model = model(layerNorm, 6);
    ModelChecks.assertTangentMatchesFiniteDifferences(
        model, ModelChecks.randomBatch(B, T, D, 7), ProjectionDirection.random(model.config(), 8), 1e-6);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void immediateTangentMatchesFiniteDifferences(boolean layerNorm) {
    GatedRnn model = model(layerNorm, 9);
    ModelStepChecks.assertImmediateTangentMatchesFiniteDifferences(
        model, ModelChecks.randomBatch(B, T, D, 10), ProjectionDirection.random(model.config(), 11), 1e-6);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void stepFromThePreviousStateReproducesTheForwardPass(boolean layerNorm) {
    GatedRnn model = model(layerNorm, 12);
    SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 13);
    Trajectory trajectory = model.forward(batch);
    double[] cell = ((HasCellState) trajectory).cell();
    for (int t = 0; t < T; t++) {
      double[] next = model.step(batch, t, ModelStepChecks.stateBefore(model, trajectory, t));
      for (int b = 0; b < B; b++) {
        for (int q = 0; q < H; q++) {
          int at = (b * T + t) * H + q;
          String where = "b=" + b + " t=" + t + " q=" + q;
          assertEquals(trajectory.hidden()[at], next[b * 2 * H + q], 1e-14, "h " + where);
          assertEquals(cell[at], next[b * 2 * H + H + q], 1e-14, "c " + where);
        }
      }
    }
  }

  @Test
  void nonFiniteOrMisshapenInputIsReportedByName() {
    GatedRnn model = model(false, 14);
    SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 15);
    SequenceBatch wide = ModelChecks.randomBatch(B, T, D + 1, 15);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(wide));
    assertTrue(e.getMessage().contains("input dimension"), e.getMessage());
    batch.x()[7] = Double.NaN;
    e = assertThrows(IllegalArgumentException.class, () -> model.forward(batch));
    assertTrue(e.getMessage().contains("batch x") && e.getMessage().contains("index 7"), e.getMessage());
    batch.x()[7] = 0;
    model.parameters().data("Uf.weight")[3] = Double.POSITIVE_INFINITY;
    e = assertThrows(IllegalArgumentException.class, () -> model.forward(batch));
    assertTrue(e.getMessage().contains("'Uf.weight'"), e.getMessage());
    model.parameters().data("Uf.weight")[3] = 0;
    ParameterSet direction = ProjectionDirection.random(model.config(), 16);
    direction.data("Wg.bias")[0] = Double.NaN;
    Trajectory trajectory = model.forward(batch);
    e = assertThrows(IllegalArgumentException.class,
        () -> model.tangent(trajectory, direction, TangentMode.TOTAL));
    assertTrue(e.getMessage().contains("direction") && e.getMessage().contains("'Wg.bias'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model.step(batch, 0, new double[B * H]));
    assertTrue(e.getMessage().contains("previousState"), e.getMessage());
    ParameterSet incomplete = model.trainable().zerosLike().subset(List.of("Wi.weight"));
    e = assertThrows(IllegalArgumentException.class, () -> model.backward(trajectory, incomplete, 1.0));
    assertTrue(e.getMessage().contains("gradient") && e.getMessage().contains("'Wi.bias'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> model.backward(trajectory, model.trainable().zerosLike(), Double.NaN));
    assertTrue(e.getMessage().contains("scale"), e.getMessage());
  }
}
