package io.horizon.core.model;

/**
 * The per-step intermediates of the leaky gated update {@code h_t = (1 - s_t) ⊙ h_{t-1} + s_t ⊙ h̃_t} (THEORY §2.1)
 * for B sequences of T steps, each laid out {@code [(b*T + t)*H + q]}: the state h_t, the candidate h̃_t, the
 * per-unit gate opening s_t and, with LayerNorm, the normalised candidate pre-activation ẑ_t and its per-row
 * {@code 1/sqrt(var + eps)} (layout {@code [b*T + t]}; both null without LayerNorm).
 */
final class LeakyStates {
  final int batchSize;
  final int length;
  final int hiddenSize;
  final double[] hidden;
  final double[] candidate;
  final double[] opening;
  final double[] normalized;
  final double[] invStd;

  LeakyStates(int batchSize, int length, int hiddenSize, boolean layerNorm) {
    this.batchSize = batchSize;
    this.length = length;
    this.hiddenSize = hiddenSize;
    int n = batchSize * length * hiddenSize;
    this.hidden = new double[n];
    this.candidate = new double[n];
    this.opening = new double[n];
    this.normalized = layerNorm ? new double[n] : null;
    this.invStd = layerNorm ? new double[batchSize * length] : null;
  }

  /** The states h_{t-1} paired with every step, {@code [(b*T + t)*H + q]}, zero at t = 0 (h_{-1} = 0). */
  double[] previous() {
    double[] out = new double[hidden.length];
    int sequence = length * hiddenSize;
    for (int b = 0; b < batchSize; b++) {
      System.arraycopy(hidden, b * sequence, out, b * sequence + hiddenSize, sequence - hiddenSize);
    }
    return out;
  }
}
