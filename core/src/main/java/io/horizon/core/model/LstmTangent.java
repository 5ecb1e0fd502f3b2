package io.horizon.core.model;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * Forward-mode derivative of the LSTM state trajectory χ_t = (h_t, c_t) along a parameter direction u (THEORY §5.4):
 * TOTAL {@code v_t = J_t v_{t−1} + (∂_θ F_t)[u]}, IMMEDIATE {@code v_t = (∂_θ F_t)[u]} with χ_{t−1} held fixed.
 *
 * <p>Per step one product {@code [v_{t−1} | h_{t−1} | x_t | 1] · [U | u_U | u_W | u_b]ᵀ} ({@link #stepProduct}) gives
 * the pre-activation tangents of all four gates: the J-part of the total tangent and the explicit term together (v
 * stays 0 in IMMEDIATE mode); {@link #step} takes them through the step's nonlinearities. {@link #tangent} on a
 * finished forward pass and the sweep that never keeps the whole trajectory ({@link LstmSweep}) share both. One
 * instance holds one step's blocks: one per call and thread.
 */
final class LstmTangent {
  private final LstmWeights weights;
  private final LstmWeights direction;
  private final int batch;
  private final int units;
  /** Pre-activation tangents of the step, {@code [b*4H + k]}: where the step product goes. */
  final double[] preActivation;
  /** Tangent of h_t, {@code [b*H + q]}. */
  final double[] hidden;
  /** Tangent of c_t, {@code [b*H + q]}. */
  final double[] cell;
  private final double[] candidateIn;
  private final double[] candidate;

  /** Blocks for {@code batch} sequences of the model {@code weights} along the packed {@code direction}. */
  LstmTangent(LstmWeights weights, LstmWeights direction, int batch) {
    this.weights = weights;
    this.direction = direction;
    this.batch = batch;
    this.units = weights.hiddenSize();
    this.preActivation = new double[batch * 4 * units];
    this.hidden = new double[batch * units];
    this.cell = new double[batch * units];
    boolean ln = direction.normWeight() != null;
    this.candidateIn = ln ? new double[batch * units] : null;
    this.candidate = ln ? new double[batch * units] : null;
  }

  /**
   * The step product {@code [v_{t−1} | h_{t−1} | x_t | 1] · [U | u_U | u_W | u_b]ᵀ} in {@code precision}: v from column
   * 0, h from H.
   */
  StepProduct stepProduct(Precision precision) {
    return new StepProduct(batch, new double[][] {weights.recurrent(), direction.recurrent()},
        new int[] {units, units}, direction.input(), weights.inputDim(), direction.bias(), 4 * units, precision);
  }

  /** The tangents of h and c along the packed direction {@code u}, laid out {@code [(b*T + t)*H + q]}. */
  static Tangent tangent(LstmTrajectory tr, LstmWeights u, TangentMode mode) {
    SequenceBatch data = tr.batch();
    int n = data.batchSize();
    int length = data.length();
    int h = tr.weights().hiddenSize();
    boolean ln = u.normWeight() != null;
    LstmTangent sweep = new LstmTangent(tr.weights(), u, n);
    StepProduct product = sweep.stepProduct(tr.products());
    double[] dHidden = new double[n * length * h];
    double[] dCell = new double[n * length * h];
    double[] gates = new double[n * 4 * h];
    double[] previousCell = new double[n * h];
    double[] tanhCell = new double[n * h];
    double[] normalized = ln ? new double[n * h] : null;
    double[] inverseStd = ln ? new double[n] : null;
    boolean total = mode == TangentMode.TOTAL;
    for (int t = 0; t < length; t++) {
      product.setInputs(data.x(), t, length);
      if (t > 0) {
        product.setStep(tr.hidden(), t - 1, length, h, h);
        if (total) {
          product.setBlock(sweep.hidden, 0, h);
        }
        Steps.gather(tr.cell(), t - 1, n, length, h, previousCell);
      }
      product.multiply(sweep.preActivation);
      Steps.gather(tr.gates(), t, n, length, 4 * h, gates);
      Steps.gather(tr.tanhCell(), t, n, length, h, tanhCell);
      if (ln) {
        Steps.gather(tr.normalized(), t, n, length, h, normalized);
        Steps.gather(tr.inverseStd(), t, n, length, 1, inverseStd);
      }
      sweep.step(gates, previousCell, tanhCell, normalized, inverseStd, total && t > 0);
      Steps.scatter(sweep.hidden, t, n, length, h, dHidden);
      Steps.scatter(sweep.cell, t, n, length, h, dCell);
    }
    return new Tangent(dHidden, dCell);
  }

  /**
   * Tangents of LW-4 … LW-8 at one step from the pre-activation tangents in {@link #preActivation} and the step's
   * blocks, one row per sequence: activations i, f, o, g ({@code [b*4H + k]}), c_{t−1} (zeros at t = 0), tanh c_t and,
   * with LayerNorm, the normalised candidate and its 1/σ (null without). Overwrites {@link #hidden} and
   * {@link #cell}; the previous cell tangent in {@link #cell} enters only when {@code carry} (TOTAL mode after step 0).
   */
  void step(double[] gates, double[] previousCell, double[] tanhCell, double[] normalized, double[] inverseStd,
      boolean carry) {
    int h = units;
    int width = 4 * h;
    int f0 = LstmWeights.FORGET * h;
    int o0 = LstmWeights.OUTPUT * h;
    int g0 = LstmWeights.CANDIDATE * h;
    if (candidate != null) {
      for (int b = 0; b < batch; b++) {
        System.arraycopy(preActivation, b * width + g0, candidateIn, b * h, h);
      }
      LayerNorm.tangent(candidateIn, normalized, inverseStd, weights.normWeight(), direction.normWeight(),
          direction.normBias(), candidate, batch, h);
    }
    for (int b = 0; b < batch; b++) {
      int p = b * width;
      for (int q = 0; q < h; q++) {
        int at = b * h + q;
        double i = gates[p + q];
        double f = gates[p + f0 + q];
        double o = gates[p + o0 + q];
        double g = gates[p + g0 + q];
        double tc = tanhCell[at];
        double di = i * (1 - i) * preActivation[p + q];
        double df = f * (1 - f) * preActivation[p + f0 + q];
        double dout = o * (1 - o) * preActivation[p + o0 + q];
        double dCandPre = candidate != null ? candidate[at] : preActivation[p + g0 + q];
        double dg = (1 - g * g) * dCandPre;
        double dcPrev = carry ? cell[at] : 0.0;
        double dc = df * previousCell[at] + f * dcPrev + di * g + i * dg;
        cell[at] = dc;
        hidden[at] = dout * tc + o * (1 - tc * tc) * dc;
      }
    }
  }
}
