package io.horizon.core.model;

import io.horizon.core.linalg.Gemm;
import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * Exact backpropagation through time for the GRU (THEORY §3.1, LW-2, through the cell LW-15…LW-18 and the
 * LayerNorm of §2.1). The recurrence runs step by step with two batched products per step; the weight gradients
 * are then single products over all B·T rows.
 */
final class GruBackward {
  private GruBackward() {}

  /**
   * Adds {@code scale · ∂/∂θ Σ w_t (ŷ − y)²} (LW-2) into {@code gradient} and returns the unscaled weighted loss.
   */
  static double run(ModelConfig config, GruWeights w, ParameterSet parameters, GruTrajectory trajectory,
      ParameterSet gradient, double scale) {
    SequenceBatch batch = trajectory.batch();
    GruStates s = trajectory.states;
    GruWeights grad = GruWeights.of(config, gradient, "gradient");
    int nb = s.batchSize;
    int length = s.length;
    int h = s.hiddenSize;
    int rows = length * nb;
    double[] dHidden = new double[rows * h];
    double loss = Readout.backward(batch, trajectory.predictions(), trajectory.hidden(), parameters, gradient, scale,
        dHidden, h);
    if (!Double.isFinite(loss)) {
      throw new IllegalArgumentException("y: the targets or step weights hold NaN or Inf (loss " + loss + ")");
    }
    Precision products = trajectory.products();
    Gemm.Resident updateReset = Gemm.resident(w.stackedUpdateReset(), 2 * h, h, false, products);
    Gemm.Resident candidateRecurrent = Gemm.resident(w.candidateRecurrent, h, h, false, products);
    double[] gateGrad = new double[rows * 2 * h];
    double[] candidateGrad = new double[rows * h];
    double[] dState = new double[nb * h];
    double[] readoutBlock = new double[nb * h];
    double[] gateBlock = new double[nb * 2 * h];
    double[] activationBlock = new double[nb * h];
    double[] preBlock = w.lnWeight != null ? new double[nb * h] : activationBlock;
    double[] resetInput = new double[nb * h];
    for (int t = length - 1; t >= 0; t--) {
      Steps.gather(dHidden, t, nb, length, h, readoutBlock);
      for (int b = 0; b < nb; b++) {
        int at = s.offset(t, b);
        for (int q = 0; q < h; q++) {
          int k = b * h + q;
          double dh = dState[k] + readoutBlock[k];
          dState[k] = dh;
          double z = s.update[at + q];
          double c = s.candidate[at + q];
          double previous = s.states[at + q];
          gateBlock[b * 2 * h + q] = dh * (c - previous) * z * (1 - z);
          activationBlock[k] = dh * z * (1 - c * c);
        }
      }
      if (w.lnWeight != null) {
        LayerNorm.backward(activationBlock, s.normalized[t], s.inverseStd[t], w.lnWeight, preBlock, grad.lnWeight,
            grad.lnBias, nb, h);
      }
      System.arraycopy(preBlock, 0, candidateGrad, t * nb * h, nb * h);
      Gemm.multiply(preBlock, candidateRecurrent, resetInput, nb, 0.0);
      for (int b = 0; b < nb; b++) {
        int at = s.offset(t, b);
        for (int q = 0; q < h; q++) {
          int k = b * h + q;
          double r = s.reset[at + q];
          double previous = s.states[at + q];
          gateBlock[b * 2 * h + h + q] = resetInput[k] * previous * r * (1 - r);
          dState[k] = dState[k] * (1 - s.update[at + q]) + resetInput[k] * r;
        }
      }
      System.arraycopy(gateBlock, 0, gateGrad, t * nb * 2 * h, nb * 2 * h);
      if (t > 0) {
        Gemm.multiply(gateBlock, updateReset, dState, nb, 1.0);
      }
    }
    addWeightGradients(grad, s, trajectory.inputs, gateGrad, candidateGrad, products);
    return loss;
  }

  /**
   * dU_z, dU_r = Σ_t dPre_tᵀ h_{t-1}; dU_h = Σ_t dPre^h_tᵀ (r_t ⊙ h_{t-1}); dW = Σ_t dPre_tᵀ x_t; db = Σ_t dPre_t
   * (LW-15…LW-17), each one product over all B·T rows.
   */
  private static void addWeightGradients(GruWeights grad, GruStates s, double[] inputs, double[] gateGrad,
      double[] candidateGrad, Precision products) {
    int h = s.hiddenSize;
    int d = grad.inputDim;
    int rows = s.length * s.batchSize;
    double[] recurrent = new double[2 * h * h];
    Gemm.multiply(gateGrad, true, s.states, false, recurrent, 2 * h, h, rows, 0.0, products);
    addHalves(recurrent, grad.updateRecurrent, grad.resetRecurrent);
    double[] input = new double[2 * h * d];
    Gemm.multiply(gateGrad, true, inputs, false, input, 2 * h, d, rows, 0.0, products);
    addHalves(input, grad.updateInput, grad.resetInput);
    Gemm.multiply(candidateGrad, true, s.resetState, false, grad.candidateRecurrent, h, h, rows, 1.0, products);
    Gemm.multiply(candidateGrad, true, inputs, false, grad.candidateInput, h, d, rows, 1.0, products);
    for (int row = 0; row < rows; row++) {
      for (int q = 0; q < h; q++) {
        grad.updateBias[q] += gateGrad[row * 2 * h + q];
        grad.resetBias[q] += gateGrad[row * 2 * h + h + q];
        grad.candidateBias[q] += candidateGrad[row * h + q];
      }
    }
  }

  /** Adds the first half of {@code stacked} into {@code first} and the second half into {@code second}. */
  private static void addHalves(double[] stacked, double[] first, double[] second) {
    int n = first.length;
    for (int i = 0; i < n; i++) {
      first[i] += stacked[i];
      second[i] += stacked[n + i];
    }
  }
}
