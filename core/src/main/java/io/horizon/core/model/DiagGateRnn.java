package io.horizon.core.model;

/**
 * DiagGate (THEORY §2.4, LW-52/53): a learned gate per unit, {@code s_t = σ(W_s x_t + b_s + U_s h_{t-1}) ∈ (0,1)^H}.
 */
final class DiagGateRnn extends LeakyGatedRnn {
  DiagGateRnn(ModelConfig config, ParameterSet parameters) {
    super(config, parameters, Architecture.DIAG);
  }

  /** One gate pre-activation per unit (LW-52). */
  @Override
  int gateWidth() {
    return hiddenSize();
  }

  /** {@code s_t^{(q)} = σ(g_t^{(q)})} (LW-52). */
  @Override
  void open(double[] gatePre, int gateAt, double[] opening, int openingAt) {
    VectorActivations.sigmoid(gatePre, gateAt, opening, openingAt, hiddenSize());
  }

  /** {@code ∂L/∂g^{(q)} = s^{(q)} (1 - s^{(q)}) ∂L/∂s^{(q)}} (the slope matrix S'_t of LW-53). */
  @Override
  void openBackward(double[] dOpening, int dAt, double[] opening, int openingAt, double[] dGatePre, int gateAt) {
    for (int q = 0; q < hiddenSize(); q++) {
      double s = opening[openingAt + q];
      dGatePre[gateAt + q] = s * (1 - s) * dOpening[dAt + q];
    }
  }

  /** {@code ds^{(q)} = s^{(q)} (1 - s^{(q)}) dg^{(q)}}. */
  @Override
  void openTangent(double[] dGatePre, int gateAt, double[] opening, int openingAt, double[] dOpening, int dAt) {
    for (int q = 0; q < hiddenSize(); q++) {
      double s = opening[openingAt + q];
      dOpening[dAt + q] = s * (1 - s) * dGatePre[gateAt + q];
    }
  }

  /** {@code [U_s]_{qq}}, the diagonal of the gate-sensitivity term {@code D_{d_t} S'_t U_s} of (LW-53). */
  @Override
  double[] gateSelfWeights() {
    int h = hiddenSize();
    double[] us = parameters().data("Us.weight");
    double[] diagonal = new double[h];
    for (int q = 0; q < h; q++) {
      diagonal[q] = us[q * h + q];
    }
    return diagonal;
  }
}
