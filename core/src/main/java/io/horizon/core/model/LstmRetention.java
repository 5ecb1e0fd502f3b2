package io.horizon.core.model;

import io.horizon.core.linalg.VectorMath;

/**
 * The LSTM retention trace of THEORY §4.2 (LW-12 … LW-14): retention f_j, expression factor e_t and the
 * first-order ratio {@code cdiag_j · e_{j−1} / f_j} over the full window as in the reference code. With LayerNorm
 * the diagonals use the same formulas (THEORY §2.1: the reference ignores the LayerNorm derivative there).
 */
final class LstmRetention {
  private LstmRetention() {}

  /** The trace of one forward pass, every array laid out {@code [(b*T + j)*H + q]}. */
  static RetentionTrace trace(LstmTrajectory tr) {
    int n = tr.batch().batchSize();
    int length = tr.batch().length();
    int h = tr.weights().hiddenSize();
    int width = 4 * h;
    double[] gates = tr.gates();
    double[] tanhCell = tr.tanhCell();
    double[] cdiag = cellHiddenDiagonal(tr);
    double[] logRetention = new double[cdiag.length];
    double[] ratio = new double[cdiag.length];
    double[] expression = new double[cdiag.length];
    for (int b = 0; b < n; b++) {
      for (int t = 0; t < length; t++) {
        int row = b * length + t;
        int f0 = row * width + LstmWeights.FORGET * h;
        int o0 = row * width + LstmWeights.OUTPUT * h;
        int at = row * h;
        for (int q = 0; q < h; q++) {
          logRetention[at + q] = RetentionTrace.clamp(gates[f0 + q]);
          expression[at + q] = gates[o0 + q] * (1 - tanhCell[at + q] * tanhCell[at + q]);
        }
        VectorMath.log(logRetention, at, h);
        if (t > 0) {
          for (int q = 0; q < h; q++) {
            double f = Math.max(gates[f0 + q], RetentionTrace.MIN_RETENTION);
            ratio[at + q] = cdiag[at + q] * expression[at - h + q] / f;
          }
        }
      }
    }
    return new RetentionTrace(n, length, h, logRetention, ratio, expression, null);
  }

  /**
   * {@code cdiag_j = diag(C_j) = c_{j−1} ⊙ f'_j ⊙ diag(U_f) + g_j ⊙ i'_j ⊙ diag(U_i) + i_j ⊙ (1 − g_j²) ⊙ diag(U_g)},
   * the diagonal of ∂c_j/∂h_{j−1} (LW-9, σ' = σ(1 − σ)), laid out {@code [(b*T + j)*H + q]}.
   */
  static double[] cellHiddenDiagonal(LstmTrajectory tr) {
    int n = tr.batch().batchSize();
    int length = tr.batch().length();
    LstmWeights w = tr.weights();
    int h = w.hiddenSize();
    int width = 4 * h;
    double[] gates = tr.gates();
    double[] cell = tr.cell();
    double[] out = new double[cell.length];
    double[] uf = w.recurrentDiagonal(LstmWeights.FORGET);
    double[] ui = w.recurrentDiagonal(LstmWeights.INPUT);
    double[] ug = w.recurrentDiagonal(LstmWeights.CANDIDATE);
    double[] zeros = new double[h];
    for (int b = 0; b < n; b++) {
      for (int t = 0; t < length; t++) {
        int row = b * length + t;
        int p = row * width;
        int at = row * h;
        double[] previous = t > 0 ? cell : zeros;
        int from = t > 0 ? at - h : 0;
        for (int q = 0; q < h; q++) {
          double i = gates[p + LstmWeights.INPUT * h + q];
          double f = gates[p + LstmWeights.FORGET * h + q];
          double g = gates[p + LstmWeights.CANDIDATE * h + q];
          out[at + q] = previous[from + q] * f * (1 - f) * uf[q] + g * i * (1 - i) * ui[q] + i * (1 - g * g) * ug[q];
        }
      }
    }
    return out;
  }
}
