package io.horizon.core.model;

/**
 * Shape and switches of one gated RNN.
 *
 * @param architecture which of the five models (THEORY §2)
 * @param inputDim input dimension D
 * @param hiddenSize hidden size H (n in THEORY)
 * @param layerNorm LayerNorm on the candidate pre-activation (THEORY §2.1), eps 1e-5, elementwise affine
 * @param constS gate initialisation {@code const_s} (THEORY §8.2): the ConstGate value, the initial learned-gate
 *     opening, the GRU update-gate opening and one minus the LSTM forget-gate opening; ConstGate also takes 1,
 *     the plain tanh RNN {@code h_t = tanh(W_x x_t + W_h h_{t-1} + b)} of THEORY §2.7
 */
public record ModelConfig(
    Architecture architecture, int inputDim, int hiddenSize, boolean layerNorm, double constS) {

  /** Default {@code const_s} of the README "full paper run" profile (THEORY §8.2). */
  public static final double DEFAULT_CONST_S = 0.05;

  public ModelConfig {
    if (architecture == null) {
      throw new IllegalArgumentException("architecture: must be given");
    }
    if (inputDim <= 0) {
      throw new IllegalArgumentException("inputDim: must be positive, got " + inputDim);
    }
    if (hiddenSize <= 0) {
      throw new IllegalArgumentException("hiddenSize: must be positive, got " + hiddenSize);
    }
    boolean plain = architecture == Architecture.CONST && constS == 1;
    if (!(constS > 0 && constS < 1) && !plain) {
      throw new IllegalArgumentException("constS: must lie in (0, 1) (ConstGate also 1), got " + constS);
    }
  }
}
