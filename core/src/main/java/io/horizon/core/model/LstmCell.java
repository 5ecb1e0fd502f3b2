package io.horizon.core.model;

/**
 * One LSTM state update (LW-4 … LW-8) on a block of rows (one row per sequence), shared by the forward pass and
 * the one-step update so that both compute exactly the same numbers. Holds per-call scratch: one instance per
 * thread and pass.
 */
final class LstmCell {
  private final LstmWeights weights;
  private final int rows;
  private final double[] candidate;
  private final double[] normalizedCandidate;
  private final double[] tanhScratch;

  LstmCell(LstmWeights weights, int rows) {
    this.weights = weights;
    this.rows = rows;
    this.tanhScratch = new double[weights.hiddenSize()];
    boolean ln = weights.normWeight() != null;
    this.candidate = ln ? new double[rows * weights.hiddenSize()] : null;
    this.normalizedCandidate = ln ? new double[rows * weights.hiddenSize()] : null;
  }

  /**
   * Applies LW-4 … LW-8 to the pre-activations {@code pre[r·4H + k]} (W x_t + U h_{t-1} + b, gates packed as in
   * {@link LstmWeights}, from {@link LstmWeights#stepProduct}) and c_{t-1} in {@code cell}: overwrites {@code pre}
   * with the activations i, f, o, g and {@code cell} with c_t, and writes tanh c_t and h_t = o ⊙ tanh c_t. With
   * LayerNorm the candidate is tanh(LN(W_g x + b_g + U_g h)) and the normalised values and per-row 1/σ are kept in
   * {@code normalized}, {@code inverseStd} (unused without LayerNorm).
   */
  void update(double[] pre, double[] cell, double[] tanhCell, double[] hidden, double[] normalized,
      double[] inverseStd) {
    int h = weights.hiddenSize();
    int width = 4 * h;
    int g0 = LstmWeights.CANDIDATE * h;
    if (candidate != null) {
      for (int r = 0; r < rows; r++) {
        System.arraycopy(pre, r * width + g0, candidate, r * h, h);
      }
      LayerNorm.forward(candidate, weights.normWeight(), weights.normBias(), normalized, inverseStd,
          normalizedCandidate, rows, h);
    }
    int f0 = LstmWeights.FORGET * h;
    int o0 = LstmWeights.OUTPUT * h;
    for (int r = 0; r < rows; r++) {
      int p = r * width;
      int s = r * h;
      // the three sigmoid gates i, f, o are the packed blocks 0, 1, 2: one run of 3H values
      VectorActivations.sigmoid(pre, p, pre, p, g0);
      if (candidate != null) {
        VectorActivations.tanh(normalizedCandidate, s, pre, p + g0, h, tanhScratch);
      } else {
        VectorActivations.tanh(pre, p + g0, pre, p + g0, h, tanhScratch);
      }
      for (int q = 0; q < h; q++) {
        cell[s + q] = pre[p + f0 + q] * cell[s + q] + pre[p + q] * pre[p + g0 + q];
      }
      VectorActivations.tanh(cell, s, tanhCell, s, h, tanhScratch);
      for (int q = 0; q < h; q++) {
        hidden[s + q] = pre[p + o0 + q] * tanhCell[s + q];
      }
    }
  }
}
