package io.horizon.core.model;

import java.util.Arrays;

/**
 * ConstGate (THEORY §2.2, LW-56/57): a fixed scalar gate {@code s = s_const ∈ (0, 1]}, a non-trainable buffer read
 * once at construction, identical for every unit, step and sequence; no gate sensitivity term. With {@code s = 1} it is
 * the plain tanh RNN of THEORY §2.7 ({@code J_t = Φ_t W_h}).
 */
final class ConstGateRnn extends LeakyGatedRnn {
  private final double gate;

  ConstGateRnn(ModelConfig config, ParameterSet parameters) {
    super(config, parameters, Architecture.CONST);
    double s = parameters.data("s_const")[0];
    if (!(s > 0 && s <= 1)) {
      throw new IllegalArgumentException("s_const: must lie in (0, 1], got " + s);
    }
    if (s != config.constS()) {
      throw new IllegalArgumentException(
          "s_const: tensor value " + s + " differs from the configuration's constS " + config.constS());
    }
    this.gate = s;
  }

  /** No learned gate pre-activations. */
  @Override
  int gateWidth() {
    return 0;
  }

  /** {@code s_t = s_const} for every unit (LW-56). */
  @Override
  void open(double[] gatePre, int gateAt, double[] opening, int openingAt) {
    Arrays.fill(opening, openingAt, openingAt + hiddenSize(), gate);
  }

  /** The fixed gate has no parameters to receive a gradient. */
  @Override
  void openBackward(double[] dOpening, int dAt, double[] opening, int openingAt, double[] dGatePre, int gateAt) {}

  /** The fixed gate does not move along any direction: {@code ds = 0}. */
  @Override
  void openTangent(double[] dGatePre, int gateAt, double[] opening, int openingAt, double[] dOpening, int dAt) {
    Arrays.fill(dOpening, dAt, dAt + hiddenSize(), 0.0);
  }

  /** No gate sensitivity term in (LW-57). */
  @Override
  double[] gateSelfWeights() {
    return new double[hiddenSize()];
  }
}
