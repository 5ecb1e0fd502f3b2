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

/**
 * The GRU retention trace (THEORY §4.3, LW-22…LW-25) against the brute-force one-step Jacobian and a per-entry
 * evaluation of the §2.6 formulas; the zeroth-order envelope (§4.4, Lemma 5.1); the initial gate openings (§8.2).
 */
class GruRetentionTest {
  private static final int D = 3;
  private static final int H = 7;
  private static final int T = 9;
  private static final int B = 3;
  private static final double SCALE = 0.6;

  private static ModelConfig config(boolean layerNorm, double constS) {
    return new ModelConfig(Architecture.GRU, D, H, layerNorm, constS);
  }

  /** Without LayerNorm a_j + ratio_j · a_j is the exact diagonal of J_j (LW-22) for every step, unit and sequence. */
  @Test
  void exactDiagonalEqualsTheOneStepJacobian() {
    GatedRnn model = ModelChecks.randomModel(config(false, 0.05), 3, SCALE);
    SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 4);
    Trajectory trajectory = model.forward(batch);
    RetentionTrace trace = model.retention(trajectory, RetentionOptions.DEFAULT);
    for (int t = 0; t < T; t++) {
      double[] previous = ModelStepChecks.stateBefore(model, trajectory, t);
      double[] jacobian = ModelStepChecks.jacobianDiagonal(model, batch, t, previous, 0, 0);
      for (int b = 0; b < B; b++) {
        for (int q = 0; q < H; q++) {
          int i = (b * T + t) * H + q;
          double a = Math.exp(trace.logRetention()[i]);
          double diagonal = a + trace.firstOrderRatio()[i] * a;
          double expected = jacobian[b * H + q];
          assertEquals(expected, diagonal, 1e-6 * Math.abs(expected) + 1e-10, "t=" + t + " b=" + b + " q=" + q);
        }
      }
    }
  }

  /**
   * Both diagonal forms equal their THEORY §2.6 formulas evaluated entry by entry from an independent scalar cell
   * (exact: Σ_k [U_h]_qk h_k r'_k [U_r]_kq; code: product of diagonals), and they differ for random U matrices.
   */
  @Test
  void exactAndCodeDiagonalsFollowTheirFormulas() {
    for (boolean ln : new boolean[] {false, true}) {
      GatedRnn model = ModelChecks.randomModel(config(ln, 0.05), 5, SCALE);
      SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 6);
      Trajectory trajectory = model.forward(batch);
      RetentionTrace exact = model.retention(trajectory, RetentionOptions.DEFAULT);
      RetentionTrace code = model.retention(trajectory, new RetentionOptions(true));
      assertNull(exact.readout());
      ParameterSet p = model.parameters();
      double[] uz = p.data("Uz.weight");
      double[] ur = p.data("Ur.weight");
      double[] uh = p.data("Uh.weight");
      double largestGap = 0;
      for (int t = 0; t < T; t++) {
        double[] previous = ModelStepChecks.stateBefore(model, trajectory, t);
        for (int b = 0; b < B; b++) {
          ScalarGruCell cell = new ScalarGruCell(p, batch, b, t, previous, b * H);
          for (int q = 0; q < H; q++) {
            int i = (b * T + t) * H + q;
            double z = cell.update[q];
            double r = cell.reset[q];
            double c = cell.candidate[q];
            double hp = previous[b * H + q];
            double leakPath = (c - hp) * z * (1 - z) * uz[q * H + q];
            double mixing = 0;
            for (int k = 0; k < H; k++) {
              double rk = cell.reset[k];
              mixing += uh[q * H + k] * previous[b * H + k] * rk * (1 - rk) * ur[k * H + q];
            }
            double exactDiagonal = leakPath + z * (1 - c * c) * (uh[q * H + q] * r + mixing);
            double rdiag = leakPath + z * (1 - c * c) * uh[q * H + q] * (r + hp * r * (1 - r) * ur[q * H + q]);
            String where = (ln ? "LN " : "") + "t=" + t + " b=" + b + " q=" + q;
            assertEquals(Math.log(1 - z), exact.logRetention()[i], 1e-13, where);
            assertEquals(Math.log(r), exact.logReset()[i], 1e-13, where);
            assertEquals(exactDiagonal / (1 - z), exact.firstOrderRatio()[i], 1e-12, where);
            assertEquals(rdiag / (1 - z), code.firstOrderRatio()[i], 1e-12, where);
            largestGap = Math.max(largestGap, Math.abs(exact.firstOrderRatio()[i] - code.firstOrderRatio()[i]));
          }
        }
      }
      assertTrue(largestGap > 1e-2, "exact and code diagonals should differ, largest gap " + largestGap);
    }
  }

  /** Lemma 5.1 (THEORY §4.4): the zeroth-order envelope γ + ρ + ϑ of the diagnostic pass is non-increasing in ℓ. */
  @Test
  void zerothOrderEnvelopeIsNonIncreasing() {
    ModelConfig config = config(true, 0.05);
    GatedRnn model = ModelChecks.randomModel(config, 7, SCALE);
    int length = 40;
    int count = 6;
    SequenceDataset data = ModelChecks.randomDataset(count, length, D, 8);
    int[] lags = LagGrid.linspace(1, length - 1, 20);
    KernelOptions options = KernelOptions.defaults(lags).withFirstOrder(false).withThreads(1).withBatchSize(4);
    DiagnosticResult result = new DiagnosticPass(options).run(model, data,
        ProjectionDirection.random(config, 9), (lag, values, n) -> { }, done -> { });
    for (int i = 1; i < lags.length; i++) {
      assertTrue(result.fMean()[i] <= result.fMean()[i - 1], "f at lag " + lags[i]);
      for (int q = 0; q < H; q++) {
        assertTrue(result.unitProfile()[i][q] <= result.unitProfile()[i - 1][q], "unit " + q + " at lag " + lags[i]);
      }
    }
    assertTrue(result.fMean()[lags.length - 1] < result.fMean()[0], "envelope should decay");
  }

  /**
   * THEORY §8.2: the update-gate bias logit(const_s) opens z to const_s at the first step (zero input, zero initial
   * state); the reset gate, with zero bias, is 1/2.
   */
  @Test
  void initialisationOpensTheGatesAsSpecified() {
    for (double constS : new double[] {0.05, 0.005}) {
      for (boolean ln : new boolean[] {false, true}) {
        GatedRnn model = GatedRnns.initialize(config(ln, constS), 13);
        SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 14);
        for (int b = 0; b < B; b++) {
          for (int i = 0; i < D; i++) {
            batch.x()[(b * T) * D + i] = 0;
          }
        }
        RetentionTrace trace = model.retention(model.forward(batch), RetentionOptions.DEFAULT);
        for (int b = 0; b < B; b++) {
          for (int q = 0; q < H; q++) {
            int i = (b * T) * H + q;
            assertEquals(1 - constS, Math.exp(trace.logRetention()[i]), 1e-15, "z_0 opening, b=" + b);
            assertEquals(0.5, Math.exp(trace.logReset()[i]), 1e-15, "r_0 opening, b=" + b);
          }
        }
      }
    }
  }

  /**
   * The cell LW-15…LW-17 for one sequence and step written with scalar loops only (no matrix products, no shared
   * code with the model), LayerNorm included.
   */
  private static final class ScalarGruCell {
    final double[] update = new double[H];
    final double[] reset = new double[H];
    final double[] candidate = new double[H];

    ScalarGruCell(ParameterSet p, SequenceBatch batch, int b, int t, double[] state, int offset) {
      double[] x = new double[D];
      System.arraycopy(batch.x(), (b * T + t) * D, x, 0, D);
      double[] pre = new double[H];
      for (int q = 0; q < H; q++) {
        update[q] = sigmoid(affine(p, "z", q, x, state, offset, null));
        reset[q] = sigmoid(affine(p, "r", q, x, state, offset, null));
      }
      for (int q = 0; q < H; q++) {
        pre[q] = affine(p, "h", q, x, state, offset, reset);
      }
      if (p.contains("ln_h.weight")) {
        double mean = 0;
        for (double v : pre) {
          mean += v / H;
        }
        double var = 0;
        for (double v : pre) {
          var += (v - mean) * (v - mean) / H;
        }
        for (int q = 0; q < H; q++) {
          pre[q] = (pre[q] - mean) / Math.sqrt(var + 1e-5) * p.data("ln_h.weight")[q] + p.data("ln_h.bias")[q];
        }
      }
      for (int q = 0; q < H; q++) {
        candidate[q] = Math.tanh(pre[q]);
      }
    }

    /** {@code W_g x + b_g + U_g (gate ⊙ h)} for unit q (gate = 1 when null). */
    private static double affine(ParameterSet p, String g, int q, double[] x, double[] state, int offset,
        double[] gate) {
      double s = p.data("W" + g + ".bias")[q];
      for (int i = 0; i < D; i++) {
        s += p.data("W" + g + ".weight")[q * D + i] * x[i];
      }
      for (int k = 0; k < H; k++) {
        s += p.data("U" + g + ".weight")[q * H + k] * state[offset + k] * (gate == null ? 1 : gate[k]);
      }
      return s;
    }

    private static double sigmoid(double a) {
      return 1 / (1 + Math.exp(-a));
    }
  }
}
