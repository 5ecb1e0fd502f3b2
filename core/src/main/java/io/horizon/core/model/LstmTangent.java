package io.horizon.core.model;

import io.horizon.core.task.SequenceBatch;

/**
 * Forward-mode derivative of the LSTM state trajectory χ_t = (h_t, c_t) along a parameter direction u (THEORY §5.4):
 * TOTAL {@code v_t = J_t v_{t−1} + (∂_θ F_t)[u]}, IMMEDIATE {@code v_t = (∂_θ F_t)[u]} with χ_{t−1} held fixed.
 */
final class LstmTangent {
  private LstmTangent() {}

  /**
   * The tangents of h and c along the packed direction {@code u}, laid out {@code [(b*T + t)*H + q]}. Per step one
   * product {@code [v_{t−1} | h_{t−1} | x_t | 1] · [U | u_U | u_W | u_b]ᵀ} gives the pre-activation tangents of all
   * four gates: the J-part of the total tangent and the explicit term together (v stays 0 in IMMEDIATE mode).
   */
  static Tangent tangent(LstmTrajectory tr, LstmWeights u, TangentMode mode) {
    SequenceBatch batch = tr.batch();
    LstmWeights w = tr.weights();
    int n = batch.batchSize();
    int length = batch.length();
    int h = w.hiddenSize();
    int rows = n * length;
    StepProduct product = new StepProduct(n, new double[][] {w.recurrent(), u.recurrent()}, new int[] {h, h},
        u.input(), w.inputDim(), u.bias(), 4 * h);
    double[] dHidden = new double[rows * h];
    double[] dCell = new double[rows * h];
    StepSweep sweep = new StepSweep(tr, u);
    boolean total = mode == TangentMode.TOTAL;
    for (int t = 0; t < length; t++) {
      product.setInputs(batch.x(), t, length);
      if (t > 0) {
        product.setStep(tr.hidden(), t - 1, length, h, h);
        if (total) {
          product.setBlock(sweep.dHiddenBlock, 0, h);
        }
      }
      product.multiply(sweep.dPreBlock);
      sweep.step(t, total && t > 0);
      Steps.scatter(sweep.dHiddenBlock, t, n, length, h, dHidden);
      Steps.scatter(sweep.dCellBlock, t, n, length, h, dCell);
    }
    return new Tangent(dHidden, dCell);
  }

  /** The per-step part of the sweep: from the pre-activation tangents of step t to the tangents of h_t and c_t. */
  private static final class StepSweep {
    private final LstmTrajectory tr;
    private final LstmWeights u;
    private final int n;
    private final int length;
    private final int h;
    final double[] dPreBlock;
    final double[] dHiddenBlock;
    final double[] dCellBlock;
    private final double[] dCandidateIn;
    private final double[] dCandidate;
    private final double[] normBlock;
    private final double[] invBlock;

    StepSweep(LstmTrajectory tr, LstmWeights u) {
      this.tr = tr;
      this.u = u;
      this.n = tr.batch().batchSize();
      this.length = tr.batch().length();
      this.h = tr.weights().hiddenSize();
      this.dPreBlock = new double[n * 4 * h];
      this.dHiddenBlock = new double[n * h];
      this.dCellBlock = new double[n * h];
      boolean ln = u.normWeight() != null;
      this.dCandidateIn = ln ? new double[n * h] : null;
      this.dCandidate = ln ? new double[n * h] : null;
      this.normBlock = ln ? new double[n * h] : null;
      this.invBlock = ln ? new double[n] : null;
    }

    /**
     * Tangents of LW-4 … LW-8 at step t from the pre-activation tangents in {@link #dPreBlock}; the
     * previous cell tangent in {@link #dCellBlock} enters only when {@code carry} (TOTAL mode after step 0).
     */
    void step(int t, boolean carry) {
      int width = 4 * h;
      int f0 = LstmWeights.FORGET * h;
      int o0 = LstmWeights.OUTPUT * h;
      int g0 = LstmWeights.CANDIDATE * h;
      if (dCandidate != null) {
        for (int b = 0; b < n; b++) {
          System.arraycopy(dPreBlock, b * width + g0, dCandidateIn, b * h, h);
        }
        Steps.gather(tr.normalized(), t, n, length, h, normBlock);
        Steps.gather(tr.inverseStd(), t, n, length, 1, invBlock);
        LayerNorm.tangent(dCandidateIn, normBlock, invBlock, tr.weights().normWeight(), u.normWeight(),
            u.normBias(), dCandidate, n, h);
      }
      double[] gates = tr.gates();
      double[] cell = tr.cell();
      double[] tanhCell = tr.tanhCell();
      for (int b = 0; b < n; b++) {
        int row = b * length + t;
        int p = row * width;
        for (int q = 0; q < h; q++) {
          int at = row * h + q;
          int inBlock = b * h + q;
          int pre = b * width + q;
          double i = gates[p + q];
          double f = gates[p + f0 + q];
          double o = gates[p + o0 + q];
          double g = gates[p + g0 + q];
          double tc = tanhCell[at];
          double cPrev = t > 0 ? cell[at - h] : 0.0;
          double di = i * (1 - i) * dPreBlock[pre];
          double df = f * (1 - f) * dPreBlock[pre + f0];
          double dout = o * (1 - o) * dPreBlock[pre + o0];
          double dCandPre = dCandidate != null ? dCandidate[inBlock] : dPreBlock[pre + g0];
          double dg = (1 - g * g) * dCandPre;
          double dcPrev = carry ? dCellBlock[inBlock] : 0.0;
          double dc = df * cPrev + f * dcPrev + di * g + i * dg;
          dCellBlock[inBlock] = dc;
          dHiddenBlock[inBlock] = dout * tc + o * (1 - tc * tc) * dc;
        }
      }
    }
  }
}
