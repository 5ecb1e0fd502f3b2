package io.horizon.core.model;

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
        for (int q = 0; q < h; q++) {
          int at = row * h + q;
          double f = gates[row * width + LstmWeights.FORGET * h + q];
          double o = gates[row * width + LstmWeights.OUTPUT * h + q];
          logRetention[at] = f;
          expression[at] = o * (1 - tanhCell[at] * tanhCell[at]);
          double previousExpression = t > 0 ? expression[at - h] : 0.0;
          ratio[at] = cdiag[at] * previousExpression / Math.max(f, RetentionTrace.MIN_RETENTION);
        }
      }
    }
    RetentionTrace.clampedLogInPlace(logRetention);
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
    for (int b = 0; b < n; b++) {
      for (int t = 0; t < length; t++) {
        int row = b * length + t;
        int p = row * width;
        for (int q = 0; q < h; q++) {
          int at = row * h + q;
          double i = gates[p + LstmWeights.INPUT * h + q];
          double f = gates[p + LstmWeights.FORGET * h + q];
          double g = gates[p + LstmWeights.CANDIDATE * h + q];
          double cPrev = t > 0 ? cell[at - h] : 0.0;
          out[at] = cPrev * f * (1 - f) * w.recurrentDiagonal(LstmWeights.FORGET, q)
              + g * i * (1 - i) * w.recurrentDiagonal(LstmWeights.INPUT, q)
              + i * (1 - g * g) * w.recurrentDiagonal(LstmWeights.CANDIDATE, q);
        }
      }
    }
    return out;
  }
}
