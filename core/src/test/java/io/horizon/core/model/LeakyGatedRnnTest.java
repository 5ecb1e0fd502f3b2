package io.horizon.core.model;

import io.horizon.core.io.ProjectionDirection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.task.SequenceBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ConstGate, SharedGate and DiagGate (THEORY §2.2–2.4), with and without LayerNorm: BPTT and both tangents against
 * central finite differences, {@code step} against {@code forward}, concurrent use and bad input.
 */
class LeakyGatedRnnTest {
  private static final int D = 3;
  private static final int H = 5;
  private static final int B = 3;
  private static final int T = 9;
  private static final double SCALE = 0.5;
  private static final double TOLERANCE = 1e-6;

  static Stream<Arguments> models() {
    List<Arguments> out = new ArrayList<>();
    for (Architecture a : new Architecture[] {Architecture.CONST, Architecture.SHARED, Architecture.DIAG}) {
      out.add(Arguments.of(a, false));
      out.add(Arguments.of(a, true));
    }
    return out.stream();
  }

  /** A random model whose ConstGate value 0.3 leaves the candidate path a visible share of the update. */
  static GatedRnn model(Architecture architecture, boolean layerNorm, long seed) {
    return ModelChecks.randomModel(new ModelConfig(architecture, D, H, layerNorm, 0.3), seed, SCALE);
  }

  @ParameterizedTest
  @MethodSource("models")
  void bpttMatchesFiniteDifferences(Architecture architecture, boolean layerNorm) {
    GatedRnn model = model(architecture, layerNorm, 101);
    ModelChecks.assertGradientMatchesFiniteDifferences(model, ModelChecks.randomBatch(B, T, D, 7), TOLERANCE);
  }

  @ParameterizedTest
  @MethodSource("models")
  void bpttWithStepWeightsMatchesFiniteDifferences(Architecture architecture, boolean layerNorm) {
    GatedRnn model = model(architecture, layerNorm, 102);
    SequenceBatch plain = ModelChecks.randomBatch(B, T, D, 8);
    double[] weights = new double[T];
    for (int t = 0; t < T; t++) {
      weights[t] = t % 3 == 0 ? 0.0 : 0.25 * t;
    }
    SequenceBatch weighted = new SequenceBatch(plain.x(), plain.y(), B, T, D, weights);
    ModelChecks.assertGradientMatchesFiniteDifferences(model, weighted, TOLERANCE);
  }

  @ParameterizedTest
  @MethodSource("models")
  void totalTangentMatchesFiniteDifferences(Architecture architecture, boolean layerNorm) {
    GatedRnn model = model(architecture, layerNorm, 103);
    ParameterSet u = ProjectionDirection.random(model.config(), 31);
    ModelChecks.assertTangentMatchesFiniteDifferences(model, ModelChecks.randomBatch(B, T, D, 9), u, TOLERANCE);
  }

  @ParameterizedTest
  @MethodSource("models")
  void immediateTangentMatchesFiniteDifferences(Architecture architecture, boolean layerNorm) {
    GatedRnn model = model(architecture, layerNorm, 104);
    ParameterSet u = ProjectionDirection.random(model.config(), 32);
    ModelStepChecks.assertImmediateTangentMatchesFiniteDifferences(
        model, ModelChecks.randomBatch(B, T, D, 10), u, TOLERANCE);
  }

  @ParameterizedTest
  @MethodSource("models")
  void stepReproducesForward(Architecture architecture, boolean layerNorm) {
    GatedRnn model = model(architecture, layerNorm, 105);
    SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 11);
    Trajectory trajectory = model.forward(batch);
    for (int t = 0; t < T; t++) {
      double[] next = model.step(batch, t, ModelStepChecks.stateBefore(model, trajectory, t));
      double[] expected = new double[B * H];
      Steps.gather(trajectory.hidden(), t, B, T, H, expected);
      assertArrayEquals(expected, next, 0.0, "step " + t);
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void concurrentCallsOnOneInstanceEqualSequentialOnes(Architecture architecture, boolean layerNorm)
      throws Exception {
    GatedRnn model = model(architecture, layerNorm, 106);
    ParameterSet u = ProjectionDirection.random(model.config(), 33);
    int calls = 6;
    List<double[]> expected = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      expected.add(everything(model, ModelChecks.randomBatch(B, T + i, D, 200 + i), u));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<double[]>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        SequenceBatch batch = ModelChecks.randomBatch(B, T + i, D, 200 + i);
        results.add(pool.submit(() -> everything(model, batch, u)));
      }
      for (int i = 0; i < calls; i++) {
        assertArrayEquals(expected.get(i), results.get(i).get(), 0.0, "call " + i);
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Loss, gradient, total tangent and retention trace of one batch, concatenated. */
  private static double[] everything(GatedRnn model, SequenceBatch batch, ParameterSet u) {
    Trajectory trajectory = model.forward(batch);
    ParameterSet gradient = model.trainable().zerosLike();
    double loss = model.backward(trajectory, gradient, 0.5);
    double[] tangent = model.tangent(trajectory, u, TangentMode.TOTAL).hidden();
    RetentionTrace trace = model.retention(trajectory, RetentionOptions.DEFAULT);
    double[] flat = gradient.flatten();
    return Stream.of(new double[] {loss}, flat, tangent, trace.logRetention(), trace.firstOrderRatio())
        .flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  @Test
  void parametersHoldTheFixedGateAndTrainableSharesStorage() {
    GatedRnn model = model(Architecture.CONST, true, 107);
    assertTrue(model.parameters().contains("s_const"));
    assertTrue(!model.trainable().contains("s_const"));
    assertEquals(ParameterLayout.trainableNames(model.config()), List.copyOf(model.trainable().names()));
    assertTrue(model.trainable().data("Wh.weight") == model.parameters().data("Wh.weight"));
  }

  @Test
  void badInputIsRejectedWithItsName() {
    GatedRnn model = model(Architecture.DIAG, false, 108);
    SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 12);
    batch.x()[(2 * T + 4) * D + 1] = Double.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(batch));
    assertTrue(e.getMessage().startsWith("x: NaN at sequence 2, step 4, entry 1"), e.getMessage());

    SequenceBatch wrongWidth = ModelChecks.randomBatch(B, T, D + 1, 12);
    e = assertThrows(IllegalArgumentException.class, () -> model.forward(wrongWidth));
    assertTrue(e.getMessage().startsWith("x: input dimension"), e.getMessage());

    SequenceBatch good = ModelChecks.randomBatch(B, T, D, 13);
    Trajectory trajectory = model.forward(good);
    good.y()[5] = Double.POSITIVE_INFINITY;
    e = assertThrows(IllegalArgumentException.class,
        () -> model.backward(trajectory, model.trainable().zerosLike(), 1.0));
    assertTrue(e.getMessage().startsWith("y: Infinity at sequence 0, step 5"), e.getMessage());

    ParameterSet u = ProjectionDirection.random(model.config(), 34);
    u.data("Us.weight")[3] = Double.NaN;
    e = assertThrows(IllegalArgumentException.class, () -> model.tangent(trajectory, u, TangentMode.TOTAL));
    assertTrue(e.getMessage().contains("'Us.weight'"), e.getMessage());

    GatedRnn other = model(Architecture.SHARED, false, 108);
    e = assertThrows(IllegalArgumentException.class,
        () -> other.retention(trajectory, RetentionOptions.DEFAULT));
    assertTrue(e.getMessage().startsWith("trajectory:"), e.getMessage());

    model.parameters().data("Wx.bias")[0] = Double.NaN;
    e = assertThrows(IllegalArgumentException.class, () -> model.forward(good));
    assertTrue(e.getMessage().contains("'Wx.bias'"), e.getMessage());
  }

  @Test
  void constGateRejectsAnOutOfRangeFixedGate() {
    ModelConfig config = new ModelConfig(Architecture.CONST, D, H, false, 0.3);
    ParameterSet p = GatedRnns.initialize(config, 1).parameters().copy();
    p.data("s_const")[0] = 1.0;
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> GatedRnns.fromParameters(config, p, "test"));
    assertTrue(e.getMessage().startsWith("s_const:"), e.getMessage());
  }
}
