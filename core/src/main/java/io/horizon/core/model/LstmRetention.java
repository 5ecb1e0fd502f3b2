package io.horizon.core.model;

import io.horizon.core.linalg.VectorMath;

/**
 * The LSTM retention trace of THEORY §4.2 (LW-12 … LW-14): retention f_j, expression factor e_t and the
 * first-order ratio {@code cdiag_j · e_{j−1} / f_j} over the full window as in the reference code. With LayerNorm
 * the diagonals use the same formulas (THEORY §2.1: the reference ignores the LayerNorm derivative there).
 *
 * <p>Built one step at a time from the step's blocks ({@link #step}), so that a sweep which never keeps the whole
 * trajectory ({@link LstmSweep}) and a finished forward pass ({@link #trace(LstmTrajectory)}) give the same numbers.
 */
final class LstmRetention {
  private final int batch;
  private final int length;
  private final int hidden;
  private final double[] forgetDiagonal;
  private final double[] inputDiagonal;
  private final double[] candidateDiagonal;
  private final double[] logRetention;
  private final double[] ratio;
  private final double[] expression;

  /** An empty trace for {@code batch} sequences of {@code length} steps. */
  LstmRetention(LstmWeights weights, int batch, int length) {
    this.batch = batch;
    this.length = length;
    this.hidden = weights.hiddenSize();
    this.forgetDiagonal = weights.recurrentDiagonal(LstmWeights.FORGET);
    this.inputDiagonal = weights.recurrentDiagonal(LstmWeights.INPUT);
    this.candidateDiagonal = weights.recurrentDiagonal(LstmWeights.CANDIDATE);
    int size = batch * length * hidden;
    this.logRetention = new double[size];
    this.ratio = new double[size];
    this.expression = new double[size];
  }

  /** The trace of one forward pass, every array laid out {@code [(b*T + j)*H + q]}. */
  static RetentionTrace trace(LstmTrajectory tr) {
    int n = tr.batch().batchSize();
    int length = tr.batch().length();
    int h = tr.weights().hiddenSize();
    LstmRetention trace = new LstmRetention(tr.weights(), n, length);
    double[] gates = new double[n * 4 * h];
    double[] previousCell = new double[n * h];
    double[] tanhCell = new double[n * h];
    for (int t = 0; t < length; t++) {
      Steps.gather(tr.gates(), t, n, length, 4 * h, gates);
      if (t > 0) {
        Steps.gather(tr.cell(), t - 1, n, length, h, previousCell);
      }
      Steps.gather(tr.tanhCell(), t, n, length, h, tanhCell);
      trace.step(t, gates, previousCell, tanhCell);
    }
    return trace.trace();
  }

  /**
   * Rows {@code (b, t)} of the trace from step t's blocks, one row per sequence: the activations i, f, o, g
   * ({@code [b*4H + k]}, packed as in {@link LstmWeights}), c_{t−1} (zeros at t = 0) and tanh c_t. Steps must come in
   * order: the ratio takes e_{t−1} from the previous step's rows.
   */
  void step(int t, double[] gates, double[] previousCell, double[] tanhCell) {
    int h = hidden;
    int width = 4 * h;
    for (int b = 0; b < batch; b++) {
      int p = b * width;
      int s = b * h;
      int at = (b * length + t) * h;
      int f0 = p + LstmWeights.FORGET * h;
      int o0 = p + LstmWeights.OUTPUT * h;
      for (int q = 0; q < h; q++) {
        logRetention[at + q] = RetentionTrace.clamp(gates[f0 + q]);
        expression[at + q] = gates[o0 + q] * (1 - tanhCell[s + q] * tanhCell[s + q]);
      }
      VectorMath.log(logRetention, at, h);
      if (t > 0) {
        int i0 = p + LstmWeights.INPUT * h;
        int g0 = p + LstmWeights.CANDIDATE * h;
        for (int q = 0; q < h; q++) {
          double f = gates[f0 + q];
          double cdiag = cellHiddenDiagonal(gates[i0 + q], f, gates[g0 + q], previousCell[s + q], q);
          ratio[at + q] = cdiag * expression[at - h + q] / Math.max(f, RetentionTrace.MIN_RETENTION);
        }
      }
    }
  }

  /** The trace so far (complete once every step has been added). */
  RetentionTrace trace() {
    return new RetentionTrace(batch, length, hidden, logRetention, ratio, expression, null);
  }

  /**
   * {@code cdiag_q = diag(C_j)_q = c_{j−1} f'_j [U_f]_qq + g_j i'_j [U_i]_qq + i_j (1 − g_j²) [U_g]_qq}, the
   * diagonal of ∂c_j/∂h_{j−1} (LW-9, σ' = σ(1 − σ)) for unit q.
   */
  double cellHiddenDiagonal(double i, double f, double g, double previousCell, int q) {
    return previousCell * f * (1 - f) * forgetDiagonal[q] + g * i * (1 - i) * inputDiagonal[q]
        + i * (1 - g * g) * candidateDiagonal[q];
  }
}
