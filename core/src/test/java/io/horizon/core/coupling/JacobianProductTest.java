package io.horizon.core.coupling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.LeakyStepJacobians;
import io.horizon.core.model.ModelChecks;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.Trajectory;
import io.horizon.core.task.SequenceBatch;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Products of the explicit one-step Jacobians (THEORY §2.2–2.4, §2.7) against central finite differences of h_t with
 * respect to h_k, propagated by the models' own step function, for the three gated models and the plain RNN.
 */
class JacobianProductTest {
  private static final int D = 3;
  private static final int H = 6;
  private static final int B = 2;
  private static final int T = 12;
  private static final double EPS = 1e-5;

  static Stream<Arguments> models() {
    return Stream.of(Arguments.of(Architecture.CONST, 0.3), Arguments.of(Architecture.CONST, 1.0),
        Arguments.of(Architecture.SHARED, 0.3), Arguments.of(Architecture.DIAG, 0.3));
  }

  static GatedRnn model(Architecture architecture, double s, long seed) {
    return ModelChecks.randomModel(new ModelConfig(architecture, D, H, false, s), seed, 0.4);
  }

  @ParameterizedTest
  @MethodSource("models")
  void productsMatchFiniteDifferencesOfTheState(Architecture architecture, double s) {
    GatedRnn model = model(architecture, s, 71);
    SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 72);
    Trajectory trajectory = model.forward(batch);
    LeakyStepJacobians jacobians = LeakyStepJacobians.of(model, trajectory);
    int[][] windows = {{0, 1}, {2, 7}, {0, T - 1}, {5, 6}};
    for (int[] window : windows) {
      int k = window[0];
      int t = window[1];
      double[] numeric = finiteDifference(model, batch, trajectory, k, t);
      for (int b = 0; b < B; b++) {
        double[] product = JacobianProduct.over(jacobians, b, k, t);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < H * H; i++) {
          double fd = numeric[b * H * H + i];
          diff += (product[i] - fd) * (product[i] - fd);
          norm += fd * fd;
        }
        double rel = Math.sqrt(diff / norm);
        assertTrue(rel < 1e-6, architecture + " s=" + s + " b=" + b + " (" + k + ", " + t + "]: rel err " + rel);
      }
    }
  }

  @Test
  void constGateWithoutRecurrenceHasTheLeakPower() {
    GatedRnn model = model(Architecture.CONST, 0.3, 73);
    Arrays.fill(model.parameters().data("Wh.weight"), 0.0);
    LeakyStepJacobians jacobians = LeakyStepJacobians.of(model, model.forward(ModelChecks.randomBatch(1, T, D, 74)));
    double[] m = JacobianProduct.over(jacobians, 0, 2, 9);
    for (int q = 0; q < H; q++) {
      for (int k = 0; k < H; k++) {
        assertEquals(q == k ? Math.pow(0.7, 7) : 0.0, m[q * H + k], 1e-15, "entry " + q + "," + k);
      }
    }
  }

  @Test
  void layerNormAndOtherArchitecturesAreRefused() {
    GatedRnn ln = ModelChecks.randomModel(new ModelConfig(Architecture.DIAG, D, H, true, 0.3), 75, 0.5);
    SequenceBatch batch = ModelChecks.randomBatch(1, T, D, 76);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LeakyStepJacobians.of(ln, ln.forward(batch)));
    assertTrue(e.getMessage().startsWith("model.layerNorm:"), e.getMessage());
    GatedRnn gru = ModelChecks.randomModel(new ModelConfig(Architecture.GRU, D, H, false, 0.3), 77, 0.5);
    e = assertThrows(IllegalArgumentException.class, () -> LeakyStepJacobians.of(gru, gru.forward(batch)));
    assertTrue(e.getMessage().startsWith("model:"), e.getMessage());
    LeakyStepJacobians jacobians = LeakyStepJacobians.of(model(Architecture.CONST, 0.3, 78),
        model(Architecture.CONST, 0.3, 78).forward(batch));
    e = assertThrows(IllegalArgumentException.class, () -> JacobianProduct.over(jacobians, 0, 4, 4));
    assertTrue(e.getMessage().startsWith("t:"), e.getMessage());
  }

  /** {@code ∂h_t/∂h_k} of every sequence ({@code [b*H*H + q*H + c]}) by central differences of the step function. */
  private static double[] finiteDifference(GatedRnn model, SequenceBatch batch, Trajectory trajectory, int k, int t) {
    double[] out = new double[B * H * H];
    double[] base = new double[B * H];
    for (int b = 0; b < B; b++) {
      System.arraycopy(trajectory.hidden(), (b * T + k) * H, base, b * H, H);
    }
    for (int c = 0; c < H; c++) {
      double[] plus = base.clone();
      double[] minus = base.clone();
      for (int b = 0; b < B; b++) {
        plus[b * H + c] += EPS;
        minus[b * H + c] -= EPS;
      }
      for (int j = k + 1; j <= t; j++) {
        plus = model.step(batch, j, plus);
        minus = model.step(batch, j, minus);
      }
      for (int b = 0; b < B; b++) {
        for (int q = 0; q < H; q++) {
          out[b * H * H + q * H + c] = (plus[b * H + q] - minus[b * H + q]) / (2 * EPS);
        }
      }
    }
    return out;
  }
}
