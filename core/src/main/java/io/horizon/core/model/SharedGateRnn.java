package io.horizon.core.model;

import java.util.Arrays;

/**
 * SharedGate (THEORY §2.3, LW-54/55): one learned scalar gate per step and sequence,
 * {@code s_t = σ(w_s·x_t + b_s + u_s·h_{t-1})}, broadcast to every unit.
 */
final class SharedGateRnn extends LeakyGatedRnn {
  SharedGateRnn(ModelConfig config, ParameterSet parameters) {
    super(config, parameters, Architecture.SHARED);
  }

  /** One gate pre-activation per step (LW-54). */
  @Override
  int gateWidth() {
    return 1;
  }

  /** {@code s_t = σ(g_t)} copied to every unit (LW-54). */
  @Override
  void open(double[] gatePre, int gateAt, double[] opening, int openingAt) {
    Arrays.fill(opening, openingAt, openingAt + hiddenSize(), Steps.sigmoid(gatePre[gateAt]));
  }

  /** {@code ∂L/∂g_t = s_t (1 - s_t) Σ_q ∂L/∂s_t^{(q)}}: the broadcast gathers the gradients of all units. */
  @Override
  void openBackward(double[] dOpening, int dAt, double[] opening, int openingAt, double[] dGatePre, int gateAt) {
    double sum = 0;
    for (int q = 0; q < hiddenSize(); q++) {
      sum += dOpening[dAt + q];
    }
    double s = opening[openingAt];
    dGatePre[gateAt] = s * (1 - s) * sum;
  }

  /** {@code ds_t = s_t (1 - s_t) dg_t}, the same for every unit. */
  @Override
  void openTangent(double[] dGatePre, int gateAt, double[] opening, int openingAt, double[] dOpening, int dAt) {
    double s = opening[openingAt];
    Arrays.fill(dOpening, dAt, dAt + hiddenSize(), s * (1 - s) * dGatePre[gateAt]);
  }

  /** {@code [u_s]_q}, the factor of the rank-1 term of (LW-55) on the diagonal (THEORY §4.1 table). */
  @Override
  double[] gateSelfWeights() {
    return parameters().data("Us.weight").clone();
  }
}
