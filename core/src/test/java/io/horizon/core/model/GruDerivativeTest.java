package io.horizon.core.model;

import io.horizon.core.io.ProjectionDirection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.task.SequenceBatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** GRU (THEORY §2.6) BPTT, tangents and single steps against central finite differences and the forward pass. */
class GruDerivativeTest {
  private static final int D = 3;
  private static final int H = 6;
  private static final int T = 10;
  private static final int B = 3;
  private static final double SCALE = 0.5;

  private static ModelConfig config(boolean layerNorm) {
    return new ModelConfig(Architecture.GRU, D, H, layerNorm, ModelConfig.DEFAULT_CONST_S);
  }

  @Test
  void bpttMatchesFiniteDifferences() {
    for (boolean ln : new boolean[] {false, true}) {
      GatedRnn model = ModelChecks.randomModel(config(ln), 11, SCALE);
      ModelChecks.assertGradientMatchesFiniteDifferences(model, ModelChecks.randomBatch(B, T, D, 12), 1e-6);
    }
  }

  @Test
  void bpttMatchesFiniteDifferencesWithStepWeights() {
    SequenceBatch plain = ModelChecks.randomBatch(B, T, D, 13);
    double[] weights = new double[T];
    for (int t = 0; t < T; t++) {
      weights[t] = t % 3 == 0 ? 0.0 : 0.25 * t;
    }
    SequenceBatch weighted = new SequenceBatch(plain.x(), plain.y(), B, T, D, weights);
    GatedRnn model = ModelChecks.randomModel(config(true), 14, SCALE);
    ModelChecks.assertGradientMatchesFiniteDifferences(model, weighted, 1e-6);
  }

  @Test
  void totalTangentMatchesFiniteDifferences() {
    for (boolean ln : new boolean[] {false, true}) {
      GatedRnn model = ModelChecks.randomModel(config(ln), 21, SCALE);
      ModelChecks.assertTangentMatchesFiniteDifferences(
          model, ModelChecks.randomBatch(B, T, D, 22), ProjectionDirection.random(config(ln), 23), 1e-6);
    }
  }

  @Test
  void immediateTangentMatchesFiniteDifferences() {
    for (boolean ln : new boolean[] {false, true}) {
      GatedRnn model = ModelChecks.randomModel(config(ln), 31, SCALE);
      ModelStepChecks.assertImmediateTangentMatchesFiniteDifferences(
          model, ModelChecks.randomBatch(B, T, D, 32), ProjectionDirection.random(config(ln), 33), 1e-6);
    }
  }

  @Test
  void stepReproducesTheForwardPass() {
    for (boolean ln : new boolean[] {false, true}) {
      GatedRnn model = ModelChecks.randomModel(config(ln), 41, SCALE);
      SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 42);
      Trajectory trajectory = model.forward(batch);
      for (int t = 0; t < T; t++) {
        double[] next = model.step(batch, t, ModelStepChecks.stateBefore(model, trajectory, t));
        for (int b = 0; b < B; b++) {
          for (int q = 0; q < H; q++) {
            assertEquals(trajectory.hidden()[(b * T + t) * H + q], next[b * H + q], 0.0, "t=" + t + " b=" + b);
          }
        }
      }
    }
  }

  @Test
  void predictionsAreTheReadoutOfTheHiddenStates() {
    GatedRnn model = ModelChecks.randomModel(config(true), 51, SCALE);
    Trajectory trajectory = model.forward(ModelChecks.randomBatch(B, T, D, 52));
    double[] w = model.parameters().data("out.weight");
    double bias = model.parameters().data("out.bias")[0];
    for (int row = 0; row < B * T; row++) {
      double expected = bias;
      for (int q = 0; q < H; q++) {
        expected += w[q] * trajectory.hidden()[row * H + q];
      }
      assertEquals(expected, trajectory.predictions()[row], 1e-14);
    }
  }

  /** {@code parameters()} holds every layout tensor; {@code trainable()} shares their storage. */
  @Test
  void trainableTensorsShareStorageWithTheParameters() {
    for (boolean ln : new boolean[] {false, true}) {
      GatedRnn model = GatedRnns.initialize(config(ln), 81);
      assertEquals(ParameterLayout.of(config(ln)).size(), model.parameters().names().size());
      assertEquals(ParameterLayout.trainableNames(config(ln)), java.util.List.copyOf(model.trainable().names()));
      for (String name : model.trainable().names()) {
        assertTrue(model.trainable().data(name) == model.parameters().data(name), name);
      }
    }
  }

  /** One instance used from several threads at once gives the same trajectories and gradients as sequentially. */
  @Test
  void concurrentCallsOnOneModelAgreeWithSequentialOnes() throws Exception {
    GatedRnn model = ModelChecks.randomModel(config(true), 61, SCALE);
    int tasks = 6;
    double[][] expectedHidden = new double[tasks][];
    double[][] expectedGradient = new double[tasks][];
    for (int i = 0; i < tasks; i++) {
      int batch = 2 + i % 3;
      SequenceBatch data = ModelChecks.randomBatch(batch, T, D, 100 + i);
      Trajectory trajectory = model.forward(data);
      expectedHidden[i] = trajectory.hidden();
      ParameterSet g = model.trainable().zerosLike();
      model.backward(trajectory, g, 1.0);
      expectedGradient[i] = g.flatten();
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?>[] futures = new Future<?>[tasks];
      for (int i = 0; i < tasks; i++) {
        int task = i;
        futures[i] = pool.submit(() -> {
          for (int repeat = 0; repeat < 20; repeat++) {
            SequenceBatch data = ModelChecks.randomBatch(2 + task % 3, T, D, 100 + task);
            Trajectory trajectory = model.forward(data);
            ParameterSet g = model.trainable().zerosLike();
            model.backward(trajectory, g, 1.0);
            assertArrayEquals(expectedHidden[task], trajectory.hidden(), 0.0);
            assertArrayEquals(expectedGradient[task], g.flatten(), 0.0);
          }
        });
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void badInputsAreReportedByName() {
    GatedRnn model = ModelChecks.randomModel(config(false), 71, SCALE);
    SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 72);
    batch.x()[(1 * T + 4) * D + 2] = Double.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(batch));
    assertTrue(e.getMessage().contains("x: NaN or Inf at sequence 1, step 4, input 2"), e.getMessage());

    SequenceBatch wide = ModelChecks.randomBatch(B, T, D + 1, 73);
    e = assertThrows(IllegalArgumentException.class, () -> model.forward(wide));
    assertTrue(e.getMessage().startsWith("x: input dimension"), e.getMessage());

    SequenceBatch good = ModelChecks.randomBatch(B, T, D, 74);
    Trajectory trajectory = model.forward(good);
    good.y()[5] = Double.POSITIVE_INFINITY;
    e = assertThrows(IllegalArgumentException.class,
        () -> model.backward(trajectory, model.trainable().zerosLike(), 1.0));
    assertTrue(e.getMessage().startsWith("y:"), e.getMessage());

    ParameterSet direction = ProjectionDirection.random(config(false), 75);
    direction.data("Ur.weight")[3] = Double.NaN;
    e = assertThrows(IllegalArgumentException.class, () -> model.tangent(trajectory, direction, TangentMode.TOTAL));
    assertTrue(e.getMessage().contains("'Ur.weight' holds NaN or Inf"), e.getMessage());

    model.parameters().data("Uh.weight")[0] = Double.NaN;
    e = assertThrows(IllegalArgumentException.class, () -> model.forward(good));
    assertTrue(e.getMessage().contains("'Uh.weight' holds NaN or Inf"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> model.step(good, 0, new double[H]));
    assertTrue(e.getMessage().startsWith("previousState:"), e.getMessage());
  }
}
