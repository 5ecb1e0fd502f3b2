package io.horizon.core.model;

import io.horizon.core.linalg.Gemm;
import io.horizon.core.linalg.Precision;

/**
 * Forward-mode derivative of the GRU state trajectory along a parameter direction u (THEORY §5.4): TOTAL
 * {@code v_t = J_t v_{t-1} + (∂_θ F_t)[u]}, {@code v_{-1} = 0}; IMMEDIATE {@code v_t = (∂_θ F_t)[u]} with h_{t-1}
 * held fixed. The parts that do not depend on v are one product over all B·T rows each. Every product runs in the
 * precision of the forward pass.
 */
final class GruForwardMode {
  private GruForwardMode() {}

  /** {@code (dh_t/dθ)[u]} laid out {@code [(b*T + t)*H + q]}. */
  static double[] run(GruWeights w, GruWeights u, GruTrajectory trajectory, TangentMode mode) {
    GruStates s = trajectory.states;
    int nb = s.batchSize;
    int length = s.length;
    int h = s.hiddenSize;
    int rows = length * nb;
    boolean total = mode == TangentMode.TOTAL;
    double[] inputPart = u.project(trajectory.inputs, rows);
    Precision products = trajectory.products();
    double[] gatePart = new double[rows * 2 * h];
    Gemm.multiply(s.states, Gemm.resident(u.stackedUpdateReset(), 2 * h, h, true, products), gatePart, rows, 0.0);
    double[] candidatePart = new double[rows * h];
    Gemm.multiply(s.resetState, Gemm.resident(u.candidateRecurrent, h, h, true, products), candidatePart, rows, 0.0);
    Gemm.Resident updateReset = Gemm.resident(w.stackedUpdateReset(), 2 * h, h, true, products);
    Gemm.Resident candidateRecurrent = Gemm.resident(w.candidateRecurrent, h, h, true, products);
    double[] out = new double[rows * h];
    double[] previous = new double[nb * h];
    double[] next = new double[nb * h];
    double[] gateRecurrent = new double[nb * 2 * h];
    double[] updateTangent = new double[nb * h];
    double[] resetStateTangent = new double[nb * h];
    double[] preTangent = new double[nb * h];
    double[] activationTangent = w.lnWeight != null ? new double[nb * h] : preTangent;
    for (int t = 0; t < length; t++) {
      boolean carry = total && t > 0;
      if (carry) {
        Gemm.multiply(previous, updateReset, gateRecurrent, nb, 0.0);
      }
      for (int b = 0; b < nb; b++) {
        int at = s.offset(t, b);
        int row = t * nb + b;
        for (int q = 0; q < h; q++) {
          int k = b * h + q;
          double dUpdate = inputPart[row * 3 * h + q] + gatePart[row * 2 * h + q];
          double dReset = inputPart[row * 3 * h + h + q] + gatePart[row * 2 * h + h + q];
          double vPrevious = 0;
          if (carry) {
            dUpdate += gateRecurrent[b * 2 * h + q];
            dReset += gateRecurrent[b * 2 * h + h + q];
            vPrevious = previous[k];
          }
          double z = s.update[at + q];
          double r = s.reset[at + q];
          updateTangent[k] = z * (1 - z) * dUpdate;
          resetStateTangent[k] = r * (1 - r) * dReset * s.states[at + q] + r * vPrevious;
        }
      }
      Gemm.multiply(resetStateTangent, candidateRecurrent, preTangent, nb, 0.0);
      for (int b = 0; b < nb; b++) {
        int row = t * nb + b;
        for (int q = 0; q < h; q++) {
          preTangent[b * h + q] += inputPart[row * 3 * h + 2 * h + q] + candidatePart[row * h + q];
        }
      }
      if (w.lnWeight != null) {
        LayerNorm.tangent(preTangent, s.normalized[t], s.inverseStd[t], w.lnWeight, u.lnWeight, u.lnBias,
            activationTangent, nb, h);
      }
      for (int b = 0; b < nb; b++) {
        int at = s.offset(t, b);
        for (int q = 0; q < h; q++) {
          int k = b * h + q;
          double z = s.update[at + q];
          double c = s.candidate[at + q];
          double vPrevious = carry ? previous[k] : 0;
          next[k] = (1 - z) * vPrevious + updateTangent[k] * (c - s.states[at + q])
              + z * (1 - c * c) * activationTangent[k];
        }
      }
      Steps.scatter(next, t, nb, length, h, out);
      double[] swap = previous;
      previous = next;
      next = swap;
    }
    return out;
  }
}
