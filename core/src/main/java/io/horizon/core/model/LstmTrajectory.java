package io.horizon.core.model;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * The LSTM forward pass over one batch (THEORY §2.5) with the intermediates that BPTT, the tangent and the
 * retention trace need. Per-unit arrays are laid out {@code [(b*T + t)*H + q]}, the gates {@code [(b*T + t)*4H + k]}
 * packed as in {@link LstmWeights}.
 *
 * @param weights the packed parameters the pass ran with
 * @param gates activations i, f, o, g (LW-4 … LW-7)
 * @param cell c_t (LW-8)
 * @param tanhCell tanh c_t
 * @param hidden h_t = o_t ⊙ tanh c_t (LW-8)
 * @param predictions readout ŷ {@code [b*T + t]}
 * @param normalized LayerNorm's normalised cell-candidate pre-activation, null without LayerNorm
 * @param inverseStd LayerNorm's 1/σ per row {@code [b*T + t]}, null without LayerNorm
 * @param products the precision of the step products
 */
record LstmTrajectory(
    SequenceBatch batch,
    LstmWeights weights,
    double[] gates,
    double[] cell,
    double[] tanhCell,
    double[] hidden,
    double[] predictions,
    double[] normalized,
    double[] inverseStd,
    Precision products)
    implements Trajectory, HasCellState {

  /**
   * Rows {@code (x_t, h_{t−1})} of width D + H for every (b, t), in the order of {@link #hidden()}, with
   * h_{−1} = 0: the right operand of the weight-gradient product over all steps ({@link LstmWeights#addJoined}).
   */
  double[] inputsWithPreviousHidden() {
    int h = weights.hiddenSize();
    int d = weights.inputDim();
    int width = d + h;
    int length = batch.length();
    double[] x = batch.x();
    double[] out = new double[batch.batchSize() * length * width];
    for (int r = 0; r < batch.batchSize() * length; r++) {
      System.arraycopy(x, r * d, out, r * width, d);
      if (r % length > 0) {
        System.arraycopy(hidden, (r - 1) * h, out, r * width + d, h);
      }
    }
    return out;
  }
}
