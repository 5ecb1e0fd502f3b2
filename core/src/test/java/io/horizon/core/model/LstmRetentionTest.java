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
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LSTM retention trace (THEORY §4.2, LW-9/13/14) against brute-force one-step Jacobians, the zeroth-order
 * envelope's monotonicity (THEORY §4.4, Lemma 5.1) and the initial gate openings (THEORY §8.2).
 */
class LstmRetentionTest {
  private static final int D = 3;
  private static final int H = 5;
  private static final int T = 8;
  private static final int B = 3;

  private static ModelConfig config(boolean layerNorm, double constS) {
    return new ModelConfig(Architecture.LSTM, D, H, layerNorm, constS);
  }

  /** |actual − expected| within 1e-6 of |expected| (plus 1e-10 for entries that vanish up to rounding). */
  private static void assertRelative(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-6 * Math.abs(expected) + 1e-10, what);
  }

  /**
   * Per step, unit and sequence: cdiag = diag ∂c_t/∂h_{t−1} (LW-9), f = diag ∂c_t/∂c_{t−1} and e_t f_t =
   * diag ∂h_t/∂c_{t−1} (LW-11), the Jacobians taken by central differences of one step; and the first-order ratio
   * is cdiag_t e_{t−1} / f_t with e_{−1} = 0.
   */
  @Test
  void retentionDiagonalsEqualBruteForceJacobians() {
    GatedRnn model = ModelChecks.randomModel(config(false, ModelConfig.DEFAULT_CONST_S), 21, 0.5);
    SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 22);
    LstmTrajectory trajectory = (LstmTrajectory) model.forward(batch);
    RetentionTrace trace = model.retention(trajectory, RetentionOptions.DEFAULT);
    assertNull(trace.logReset());
    LstmRetention diagonals = new LstmRetention(trajectory.weights(), B, T);
    for (int t = 0; t < T; t++) {
      double[] before = ModelStepChecks.stateBefore(model, trajectory, t);
      double[] cellByHidden = ModelStepChecks.jacobianDiagonal(model, batch, t, before, H, 0);
      double[] cellByCell = ModelStepChecks.jacobianDiagonal(model, batch, t, before, H, H);
      double[] hiddenByCell = ModelStepChecks.jacobianDiagonal(model, batch, t, before, 0, H);
      for (int b = 0; b < B; b++) {
        for (int q = 0; q < H; q++) {
          int at = (b * T + t) * H + q;
          int k = b * H + q;
          String where = " at b=" + b + " t=" + t + " q=" + q;
          double f = Math.exp(trace.logRetention()[at]);
          double e = trace.readout()[at];
          int gate = (b * T + t) * 4 * H + q;
          double[] gates = trajectory.gates();
          double cdiag = diagonals.cellHiddenDiagonal(gates[gate + LstmWeights.INPUT * H],
              gates[gate + LstmWeights.FORGET * H], gates[gate + LstmWeights.CANDIDATE * H],
              t > 0 ? trajectory.cell()[at - H] : 0.0, q);
          assertRelative(cellByHidden[k], cdiag, "cdiag" + where);
          assertRelative(cellByCell[k], f, "f" + where);
          assertRelative(hiddenByCell[k], e * f, "e·f" + where);
          double ratio = trace.firstOrderRatio()[at];
          if (t == 0) {
            assertEquals(0.0, ratio, 0.0, "ratio" + where);
          } else {
            assertRelative(cellByHidden[k], ratio * f / trace.readout()[at - H], "ratio·f/e_{t−1}" + where);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void zerothOrderEnvelopeIsNonIncreasingInLag(boolean layerNorm) {
    int length = 40;
    int count = 6;
    ModelConfig config = config(layerNorm, ModelConfig.DEFAULT_CONST_S);
    GatedRnn model = ModelChecks.randomModel(config, 23, 0.3);
    SequenceDataset data = ModelChecks.randomDataset(count, length, D, 24);
    int[] lags = LagGrid.linspace(1, length - 1, 15);
    KernelOptions options = KernelOptions.defaults(lags).withFirstOrder(false).withThreads(1).withBatchSize(4);
    DiagnosticResult result = new DiagnosticPass(options).run(model, data,
        ProjectionDirection.random(config, 25), (lag, values, n) -> {}, done -> {});
    for (int i = 1; i < lags.length; i++) {
      assertTrue(result.fMean()[i] > 0, "f at lag " + lags[i]);
      assertTrue(result.fMean()[i] <= result.fMean()[i - 1],
          "f(" + lags[i] + ") = " + result.fMean()[i] + " > f(" + lags[i - 1] + ") = " + result.fMean()[i - 1]);
    }
  }

  /**
   * With zero input at the first step and h_{−1} = c_{−1} = 0 every pre-activation is its bias: the forget gate
   * opens to 1 − const_s, the input and output gates to σ(0) = 1/2, and the candidate (LayerNorm of a zero row
   * included) is 0 (THEORY §8.2, LSTM forget init).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void initialisationOpensTheGatesAsSpecified(boolean layerNorm) {
    for (double constS : new double[] {0.05, 0.2}) {
      GatedRnn model = GatedRnns.initialize(config(layerNorm, constS), 26);
      SequenceBatch random = ModelChecks.randomBatch(B, T, D, 27);
      double[] x = random.x().clone();
      for (int b = 0; b < B; b++) {
        Arrays.fill(x, b * T * D, b * T * D + D, 0.0);
      }
      LstmTrajectory trajectory =
          (LstmTrajectory) model.forward(new SequenceBatch(x, random.y(), B, T, D, null));
      double[] gates = trajectory.gates();
      for (int b = 0; b < B; b++) {
        int p = b * T * 4 * H;
        for (int q = 0; q < H; q++) {
          assertEquals(0.5, gates[p + LstmWeights.INPUT * H + q], 1e-15, "i_0");
          assertEquals(1 - constS, gates[p + LstmWeights.FORGET * H + q], 1e-15, "f_0");
          assertEquals(0.5, gates[p + LstmWeights.OUTPUT * H + q], 1e-15, "o_0");
          assertEquals(0.0, gates[p + LstmWeights.CANDIDATE * H + q], 1e-15, "g_0");
        }
      }
      assertOrthonormalRows(model.parameters(), "Uf.weight", H, H);
      assertOrthonormalRows(model.parameters(), "out.weight", 1, H);
    }
  }

  private static void assertOrthonormalRows(ParameterSet p, String name, int rows, int cols) {
    double[] w = p.data(name);
    for (int r = 0; r < rows; r++) {
      for (int s = 0; s < rows; s++) {
        double dot = 0;
        for (int c = 0; c < cols; c++) {
          dot += w[r * cols + c] * w[s * cols + c];
        }
        assertEquals(r == s ? 1.0 : 0.0, dot, 1e-12, name + " rows " + r + "," + s);
      }
    }
  }
}
