package io.horizon.core.model;

import io.horizon.core.linalg.Gemm;
import io.horizon.core.task.SequenceBatch;

/**
 * Exact backpropagation through time for the LSTM (LW-2 applied to LW-4 … LW-8, LayerNorm included): a backward
 * sweep over the steps with one recurrent product per step for the whole batch, then the weight gradients of all
 * steps as single large products.
 */
final class LstmBackprop {
  private LstmBackprop() {}

  /**
   * Adds {@code scale · ∂/∂θ Σ_{b,t} w_t (ŷ − y)²} into {@code gradient} and returns the unscaled weighted sum of
   * squared errors (the contract of {@link GatedRnn#backward}).
   */
  static double backward(LstmTrajectory tr, ParameterSet parameters, ParameterSet gradient, double scale) {
    SequenceBatch batch = tr.batch();
    LstmWeights w = tr.weights();
    int n = batch.batchSize();
    int length = batch.length();
    int h = w.hiddenSize();
    int width = 4 * h;
    int rows = n * length;
    double[] dHidden = new double[rows * h];
    double loss = Readout.backward(batch, tr.predictions(), tr.hidden(), parameters, gradient, scale, dHidden, h);
    LstmWeights packed = w.zerosLike();
    double[] dPre = new double[rows * width];
    StepSweep sweep = new StepSweep(tr, packed);
    for (int t = length - 1; t >= 0; t--) {
      sweep.step(t, dHidden);
      Steps.scatter(sweep.dPreBlock, t, n, length, width, dPre);
    }
    int joinedWidth = w.inputDim() + h;
    double[] dJoined = new double[width * joinedWidth];
    Gemm.multiply(
        dPre, true, tr.inputsWithPreviousHidden(), false, dJoined, width, joinedWidth, rows, 0.0, tr.products());
    packed.addJoined(dJoined);
    packed.addTo(gradient);
    return loss;
  }

  /** The per-step part of the backward sweep: carries ∂/∂h_{t} and ∂/∂c_{t} from step t+1 down to step t. */
  private static final class StepSweep {
    private final LstmTrajectory tr;
    private final LstmWeights w;
    private final Gemm.Resident recurrent;
    private final LstmWeights gradient;
    private final int n;
    private final int length;
    private final int h;
    final double[] dPreBlock;
    private final double[] dHiddenCarry;
    private final double[] dCellCarry;
    private final double[] dCandidate;
    private final double[] dCandidateIn;
    private final double[] normBlock;
    private final double[] invBlock;

    StepSweep(LstmTrajectory tr, LstmWeights gradient) {
      this.tr = tr;
      this.w = tr.weights();
      this.recurrent = Gemm.resident(w.recurrent(), 4 * w.hiddenSize(), w.hiddenSize(), false, tr.products());
      this.gradient = gradient;
      this.n = tr.batch().batchSize();
      this.length = tr.batch().length();
      this.h = w.hiddenSize();
      this.dPreBlock = new double[n * 4 * h];
      this.dHiddenCarry = new double[n * h];
      this.dCellCarry = new double[n * h];
      boolean ln = w.normWeight() != null;
      this.dCandidate = ln ? new double[n * h] : null;
      this.dCandidateIn = ln ? new double[n * h] : null;
      this.normBlock = ln ? new double[n * h] : null;
      this.invBlock = ln ? new double[n] : null;
    }

    /**
     * Pre-activation gradients of step t into {@link #dPreBlock} given the output gradients {@code dHidden} and
     * the carries from step t+1 (zero at the last step), added into the bias gradient; then the carries for step
     * t−1: ∂/∂c_{t−1} = dc_t ⊙ f_t and ∂/∂h_{t−1} = dPre_t · U (one product for the whole batch).
     */
    void step(int t, double[] dHidden) {
      int width = 4 * h;
      int f0 = LstmWeights.FORGET * h;
      int o0 = LstmWeights.OUTPUT * h;
      int g0 = LstmWeights.CANDIDATE * h;
      double[] gates = tr.gates();
      double[] cell = tr.cell();
      double[] tanhCell = tr.tanhCell();
      for (int b = 0; b < n; b++) {
        int row = b * length + t;
        int p = row * width;
        for (int q = 0; q < h; q++) {
          int at = row * h + q;
          int inBlock = b * h + q;
          double i = gates[p + q];
          double f = gates[p + f0 + q];
          double o = gates[p + o0 + q];
          double g = gates[p + g0 + q];
          double tc = tanhCell[at];
          double cPrev = t > 0 ? cell[at - h] : 0.0;
          double dh = dHidden[at] + dHiddenCarry[inBlock];
          double dc = dh * o * (1 - tc * tc) + dCellCarry[inBlock];
          int pre = b * width + q;
          dPreBlock[pre] = dc * g * i * (1 - i);
          dPreBlock[pre + f0] = dc * cPrev * f * (1 - f);
          dPreBlock[pre + o0] = dh * tc * o * (1 - o);
          double dCand = dc * i * (1 - g * g);
          if (dCandidate != null) {
            dCandidate[inBlock] = dCand;
          } else {
            dPreBlock[pre + g0] = dCand;
          }
          dCellCarry[inBlock] = dc * f;
        }
      }
      if (dCandidate != null) {
        Steps.gather(tr.normalized(), t, n, length, h, normBlock);
        Steps.gather(tr.inverseStd(), t, n, length, 1, invBlock);
        LayerNorm.backward(dCandidate, normBlock, invBlock, w.normWeight(), dCandidateIn, gradient.normWeight(),
            gradient.normBias(), n, h);
        for (int b = 0; b < n; b++) {
          System.arraycopy(dCandidateIn, b * h, dPreBlock, b * width + g0, h);
        }
      }
      double[] dBias = gradient.bias();
      for (int b = 0; b < n; b++) {
        for (int k = 0; k < width; k++) {
          dBias[k] += dPreBlock[b * width + k];
        }
      }
      if (t > 0) {
        Gemm.multiply(dPreBlock, recurrent, dHiddenCarry, n, 0.0);
      }
    }
  }
}
