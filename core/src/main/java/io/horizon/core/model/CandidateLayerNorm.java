package io.horizon.core.model;

/**
 * LayerNorm of one step's candidate pre-activations for the whole batch (THEORY §2.1: eps 1e-5, elementwise
 * affine, applied to {@code W_x x_t + b_x + W_h h_{t-1}}). It reads and writes the first H columns of a [B, W]
 * pre-activation block and keeps ẑ and 1/sqrt(var + eps) of every step in {@link LeakyStates}. Its per-step buffers
 * belong to one call: never share an instance between threads.
 */
final class CandidateLayerNorm {
  private final double[] weight;
  private final double[] bias;
  private final int batchSize;
  private final int hidden;
  private final int width;
  private final double[] in;
  private final double[] out;
  private final double[] zhat;
  private final double[] invStd;

  CandidateLayerNorm(double[] weight, double[] bias, int batchSize, int hidden, int width) {
    this.weight = weight;
    this.bias = bias;
    this.batchSize = batchSize;
    this.hidden = hidden;
    this.width = width;
    this.in = new double[batchSize * hidden];
    this.out = new double[batchSize * hidden];
    this.zhat = new double[batchSize * hidden];
    this.invStd = new double[batchSize];
  }

  /** LN of the candidate columns of {@code block} at step t, as a [B, H] block; stores ẑ and 1/σ in {@code states}. */
  double[] forward(double[] block, int t, LeakyStates states) {
    candidateColumns(block);
    LayerNorm.forward(in, weight, bias, zhat, invStd, out, batchSize, hidden);
    Steps.scatter(zhat, t, batchSize, states.length, hidden, states.normalized);
    Steps.scatter(invStd, t, batchSize, states.length, 1, states.invStd);
    return out;
  }

  /**
   * Forward mode at step t: the tangent of the normalised candidate ([B, H]) from the tangent of the pre-activation
   * (candidate columns of {@code block}) and the direction's affine tangents {@code dWeight}, {@code dBias}.
   */
  double[] tangent(double[] block, int t, LeakyStates states, double[] dWeight, double[] dBias) {
    candidateColumns(block);
    restore(t, states);
    LayerNorm.tangent(in, zhat, invStd, weight, dWeight, dBias, out, batchSize, hidden);
    return out;
  }

  /**
   * Reverse mode at step t: from ∂L/∂(normalised candidate) ({@code dOut}, [B, H]) writes ∂L/∂(pre-activation) into
   * the candidate columns of {@code block} and adds the affine gradients into {@code gWeight}, {@code gBias}.
   */
  void backward(double[] dOut, int t, LeakyStates states, double[] block, double[] gWeight, double[] gBias) {
    restore(t, states);
    LayerNorm.backward(dOut, zhat, invStd, weight, out, gWeight, gBias, batchSize, hidden);
    for (int b = 0; b < batchSize; b++) {
      System.arraycopy(out, b * hidden, block, b * width, hidden);
    }
  }

  /** Copies the first H columns of the [B, W] {@code block} into the [B, H] input buffer. */
  private void candidateColumns(double[] block) {
    for (int b = 0; b < batchSize; b++) {
      System.arraycopy(block, b * width, in, b * hidden, hidden);
    }
  }

  /** Loads ẑ and 1/σ of step t from {@code states} into the step buffers. */
  private void restore(int t, LeakyStates states) {
    Steps.gather(states.normalized, t, batchSize, states.length, hidden, zhat);
    Steps.gather(states.invStd, t, batchSize, states.length, 1, invStd);
  }
}
