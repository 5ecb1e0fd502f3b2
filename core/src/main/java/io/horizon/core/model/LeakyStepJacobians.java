package io.horizon.core.model;

/**
 * The explicit one-step state Jacobians {@code J_t = ∂h_t/∂h_{t-1}} (H×H, row-major) along a forward pass of a
 * leaky gated model: {@code J_t = (I - S_t) + S_t Φ_t W_h + D_{d_t} S'_t U_s} with {@code d_t = h̃_t - h_{t-1}}
 * (THEORY §2.2 LW-57 without the gate term, §2.3 LW-55 with the rank-1 {@code u_s}, §2.4 LW-53; the leaky,
 * scalar-gated, multi-gated and plain RNNs of THEORY §2.7). Step t maps the state before step t (zero at t = 0) to
 * the state after it. Models with LayerNorm are refused: the exact J_t would carry the LN derivative, which the
 * THEORY §2.1 convention drops.
 */
public final class LeakyStepJacobians {
  private final LeakyStates states;
  private final double[] recurrent;
  private final double[] gateRecurrent;
  private final boolean sharedGate;

  private LeakyStepJacobians(LeakyStates states, double[] recurrent, double[] gateRecurrent, boolean sharedGate) {
    this.states = states;
    this.recurrent = recurrent;
    this.gateRecurrent = gateRecurrent;
    this.sharedGate = sharedGate;
  }

  /** The Jacobians of {@code trajectory}, a forward pass of {@code model} (ConstGate, SharedGate or DiagGate). */
  public static LeakyStepJacobians of(GatedRnn model, Trajectory trajectory) {
    ModelConfig config = model.config();
    if (!(model instanceof LeakyGatedRnn)) {
      throw new IllegalArgumentException("model: explicit step Jacobians exist for const, shared and diag, not "
          + config.architecture());
    }
    if (config.layerNorm()) {
      throw new IllegalArgumentException(
          "model.layerNorm: explicit step Jacobians need a model without LayerNorm (THEORY §2.7 has none)");
    }
    if (!(trajectory instanceof LeakyTrajectory leaky)
        || leaky.architecture() != config.architecture()
        || leaky.states().hiddenSize != config.hiddenSize()) {
      throw new IllegalArgumentException("trajectory: not a forward pass of a " + config.architecture()
          + " model with H=" + config.hiddenSize());
    }
    ParameterSet p = model.parameters();
    Architecture architecture = config.architecture();
    double[] gate = architecture == Architecture.CONST ? null : p.data("Us.weight");
    return new LeakyStepJacobians(leaky.states(), p.data("Wh.weight"), gate, architecture == Architecture.SHARED);
  }

  /** B, the number of sequences. */
  public int batchSize() {
    return states.batchSize;
  }

  /** T, the number of steps. */
  public int length() {
    return states.length;
  }

  /** H, the state dimension (n in THEORY). */
  public int hiddenSize() {
    return states.hiddenSize;
  }

  /** Writes J_t of sequence b into {@code out} (H×H, row-major: {@code out[q*H + k] = ∂h_t^q/∂h_{t-1}^k}). */
  public void jacobian(int b, int t, double[] out) {
    int h = hiddenSize();
    int row = rowOf(b, t, out, h * h);
    for (int q = 0; q < h; q++) {
      int i = row + q;
      double s = states.opening[i];
      double c = states.candidate[i];
      double previous = t > 0 ? states.hidden[i - h] : 0.0;
      double candidatePath = s * (1 - c * c);
      double gatePath = (c - previous) * s * (1 - s);
      int gateRow = sharedGate ? 0 : q * h;
      for (int k = 0; k < h; k++) {
        double value = candidatePath * recurrent[q * h + k];
        if (gateRecurrent != null) {
          value += gatePath * gateRecurrent[gateRow + k];
        }
        out[q * h + k] = value;
      }
      out[q * h + q] += 1 - s;
    }
  }

  /** Writes the retention {@code 1 - s_t} of every unit (the diagonal zeroth-order part of J_t, THEORY §4.1). */
  public void retention(int b, int t, double[] out) {
    int h = hiddenSize();
    int row = rowOf(b, t, out, h);
    for (int q = 0; q < h; q++) {
      out[q] = 1 - states.opening[row + q];
    }
  }

  /** The offset of (b, t) in the state layout, after checking the indices and the output size. */
  private int rowOf(int b, int t, double[] out, int size) {
    if (b < 0 || b >= batchSize()) {
      throw new IllegalArgumentException("b: sequence " + b + " is outside [0, " + batchSize() + ")");
    }
    if (t < 0 || t >= length()) {
      throw new IllegalArgumentException("t: step " + t + " is outside [0, " + length() + ")");
    }
    if (out.length != size) {
      throw new IllegalArgumentException("out: expected " + size + " values, got " + out.length);
    }
    return (b * length() + t) * hiddenSize();
  }
}
