package io.horizon.core.model;

import io.horizon.core.io.ProjectionDirection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.kernel.DiagnosticPass;
import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.kernel.KernelOptions;
import io.horizon.core.kernel.LagGrid;
import io.horizon.core.task.SequenceBatch;
import io.horizon.core.task.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retention trace of the leaky gated models (THEORY §4.1) against the exact one-step Jacobian, the zeroth-order
 * envelope of the diagnostic pass (THEORY §12.1, §4.4 Lemma 5.1) and the gate openings at initialisation (§8.2).
 */
class LeakyRetentionTest {
  private static final int D = 3;
  private static final int H = 5;

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"CONST", "SHARED", "DIAG"})
  void zerothPlusFirstOrderEqualsTheJacobianDiagonal(Architecture architecture) {
    GatedRnn model = LeakyGatedRnnTest.model(architecture, false, 301);
    int batchSize = 3;
    int length = 8;
    SequenceBatch batch = ModelChecks.randomBatch(batchSize, length, D, 41);
    Trajectory trajectory = model.forward(batch);
    RetentionTrace trace = model.retention(trajectory, RetentionOptions.DEFAULT);
    assertNull(trace.readout());
    assertNull(trace.logReset());
    for (int t = 0; t < length; t++) {
      double[] exact = ModelStepChecks.jacobianDiagonal(
          model, batch, t, ModelStepChecks.stateBefore(model, trajectory, t), 0, 0);
      for (int b = 0; b < batchSize; b++) {
        for (int q = 0; q < H; q++) {
          int i = (b * length + t) * H + q;
          double a = Math.exp(trace.logRetention()[i]);
          double diagonal = a + trace.firstOrderRatio()[i] * a;
          double expected = exact[b * H + q];
          assertEquals(expected, diagonal, 1e-6 * Math.abs(expected) + 1e-10,
              "J_t diagonal at b=" + b + " t=" + t + " q=" + q);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"CONST", "SHARED", "DIAG"})
  void zerothOrderEnvelopeIsNonIncreasingInLag(Architecture architecture) {
    GatedRnn model = LeakyGatedRnnTest.model(architecture, true, 302);
    int length = 60;
    int[] lags = LagGrid.linspace(1, length - 1, 15);
    DiagnosticResult result = diagnose(model, ModelChecks.randomDataset(7, length, D, 42), lags);
    for (int i = 1; i < lags.length; i++) {
      assertTrue(result.fMean()[i] <= result.fMean()[i - 1],
          "f at lag " + lags[i] + " = " + result.fMean()[i] + " above f at lag " + lags[i - 1]);
    }
  }

  @Test
  void constGateEnvelopeIsExactlyThePowerOfTheLeak() {
    double s = ModelConfig.DEFAULT_CONST_S;
    GatedRnn model = ModelChecks.randomModel(new ModelConfig(Architecture.CONST, D, H, true, s), 303, 0.5);
    int length = 50;
    int[] lags = LagGrid.linspace(1, length - 1, length - 1);
    DiagnosticResult result = diagnose(model, ModelChecks.randomDataset(5, length, D, 43), lags);
    for (int i = 0; i < lags.length; i++) {
      double expected = Math.pow(1 - s, lags[i]);
      assertEquals(expected, result.fMean()[i], 1e-12 * expected, "f at lag " + lags[i]);
      for (int q = 0; q < H; q++) {
        assertEquals(expected, result.unitProfile()[i][q], 1e-12 * expected, "unit " + q + " at lag " + lags[i]);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"CONST", "SHARED", "DIAG"})
  void initialisationOpensEveryGateToConstS(Architecture architecture) {
    double s = 0.05;
    for (boolean layerNorm : new boolean[] {false, true}) {
      GatedRnn model = GatedRnns.initialize(new ModelConfig(architecture, D, H, layerNorm, s), 304);
      int batchSize = 4;
      int length = 6;
      SequenceBatch batch = ModelChecks.randomBatch(batchSize, length, D, 44);
      RetentionTrace trace = model.retention(model.forward(batch), RetentionOptions.DEFAULT);
      for (int i = 0; i < batchSize * length * H; i++) {
        double opening = 1 - Math.exp(trace.logRetention()[i]);
        int t = i / H % length;
        assertEquals(s, opening, 1e-12, (t == 0 ? "first step" : "step " + t) + ", entry " + i);
      }
    }
  }

  /** Zeroth-order diagnostic pass in batches of 3 sequences, samples discarded. */
  private static DiagnosticResult diagnose(GatedRnn model, SequenceDataset data, int[] lags) {
    KernelOptions options = KernelOptions.defaults(lags).withFirstOrder(false).withBatchSize(3).withThreads(1);
    ParameterSet u = ProjectionDirection.random(model.config(), 45);
    return new DiagnosticPass(options).run(model, data, u, (lag, values, count) -> { }, done -> { });
  }
}
