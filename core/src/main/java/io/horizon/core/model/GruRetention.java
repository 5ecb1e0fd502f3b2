package io.horizon.core.model;

import io.horizon.core.linalg.Gemm;
import io.horizon.core.linalg.VectorMath;

/**
 * The GRU retention trace of THEORY §4.3 (LW-22…LW-25): retention {@code a_j = 1 − z_j}, reset {@code r_j} and the
 * diagonal of the non-leak part B_j of the one-step Jacobian (LW-22) divided by {@code a_j}. With LayerNorm the same
 * formulas are used (THEORY §2.1: the LayerNorm derivative is ignored in the diagonals).
 */
final class GruRetention {
  private GruRetention() {}

  /** The trace of one forward pass; {@code codeDiagonal} selects the reference code's {@code rdiag} (THEORY §2.6). */
  static RetentionTrace run(GruWeights w, GruStates s, boolean codeDiagonal) {
    int nb = s.batchSize;
    int length = s.length;
    int h = s.hiddenSize;
    int n = nb * length * h;
    double[] logRetention = new double[n];
    double[] ratio = new double[n];
    double[] logReset = new double[n];
    double[] mixing = codeDiagonal ? null : exactMixing(w, s);
    for (int t = 0; t < length; t++) {
      for (int b = 0; b < nb; b++) {
        int at = s.offset(t, b);
        int out = (b * length + t) * h;
        for (int q = 0; q < h; q++) {
          double z = s.update[at + q];
          double r = s.reset[at + q];
          double c = s.candidate[at + q];
          double previous = s.states[at + q];
          double uz = w.updateRecurrent[q * h + q];
          double uh = w.candidateRecurrent[q * h + q];
          double ur = w.resetRecurrent[q * h + q];
          double mix = codeDiagonal ? uh * previous * r * (1 - r) * ur : mixing[at + q];
          double diagonal = (c - previous) * z * (1 - z) * uz + z * (1 - c * c) * (uh * r + mix);
          logRetention[out + q] = RetentionTrace.clamp(1 - z);
          ratio[out + q] = diagonal / Math.max(RetentionTrace.MIN_RETENTION, 1 - z);
          logReset[out + q] = RetentionTrace.clamp(r);
        }
        VectorMath.log(logRetention, out, h);
        VectorMath.log(logReset, out, h);
      }
    }
    return new RetentionTrace(nb, length, h, logRetention, ratio, null, logReset);
  }

  /**
   * {@code Σ_k [U_h]_qk h_{k} r'_k [U_r]_kq} = diag(U_h D U_r) with {@code D = diag(h_{t-1} ⊙ r_t(1 − r_t))} for
   * every step and sequence (exact candidate-path diagonal of LW-22, THEORY §2.6): one [B·T, H] × [H, H] product of
   * d against {@code U_h ⊙ U_rᵀ}. Time-major like {@link GruStates}.
   */
  private static double[] exactMixing(GruWeights w, GruStates s) {
    int h = s.hiddenSize;
    int rows = s.length * s.batchSize;
    double[] d = new double[rows * h];
    for (int i = 0; i < d.length; i++) {
      double r = s.reset[i];
      d[i] = s.states[i] * r * (1 - r);
    }
    double[] coupling = new double[h * h];
    for (int q = 0; q < h; q++) {
      for (int k = 0; k < h; k++) {
        coupling[q * h + k] = w.candidateRecurrent[q * h + k] * w.resetRecurrent[k * h + q];
      }
    }
    double[] mixing = new double[rows * h];
    Gemm.multiply(d, false, coupling, true, mixing, rows, h, h, 0.0);
    return mixing;
  }
}
