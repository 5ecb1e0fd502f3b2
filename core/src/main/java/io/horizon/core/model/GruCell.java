package io.horizon.core.model;

import io.horizon.core.linalg.Gemm;
import io.horizon.core.linalg.Precision;

/**
 * One batched GRU update h_{t-1} → h_t (LW-15…LW-18), with LayerNorm on the candidate pre-activation when the model
 * has it (THEORY §2.1): two matrix products per step for the whole batch, in the precision given. Holds per-call
 * scratch, so one instance serves one thread.
 */
final class GruCell {
  private final GruWeights weights;
  private final Gemm.Resident updateReset;
  private final Gemm.Resident candidateRecurrent;
  private final int batch;
  private final int hidden;
  private final double[] recurrent;
  private final double[] resetBlock;
  private final double[] candidatePre;
  private final double[] normalizedOut;

  GruCell(GruWeights weights, int batch, Precision products) {
    this.weights = weights;
    int h = weights.hiddenSize;
    this.updateReset = Gemm.resident(weights.stackedUpdateReset(), 2 * h, h, true, products);
    this.candidateRecurrent = Gemm.resident(weights.candidateRecurrent, h, h, true, products);
    this.batch = batch;
    this.hidden = weights.hiddenSize;
    this.recurrent = new double[batch * 2 * hidden];
    this.resetBlock = new double[batch * hidden];
    this.candidatePre = new double[batch * hidden];
    this.normalizedOut = weights.lnWeight != null ? new double[batch * hidden] : null;
  }

  /**
   * Step t (LW-15…LW-18): reads h_{t-1} from {@code state} ([B, H]) and the input pre-activations from row
   * {@code t*B + b} of {@code projection} ({@link GruWeights#project}); records z, r, r ⊙ h_{t-1}, h̃ (and the
   * LayerNorm statistics) in {@code s}, writes h_t into block t+1 of {@code s.states} and overwrites {@code state}
   * with h_t.
   */
  void advance(GruStates s, int t, double[] projection, double[] state) {
    int h = hidden;
    Gemm.multiply(state, updateReset, recurrent, batch, 0.0);
    for (int b = 0; b < batch; b++) {
      int at = s.offset(t, b);
      int x = (t * batch + b) * 3 * h;
      int rec = b * 2 * h;
      for (int q = 0; q < h; q++) {
        double z = Steps.sigmoid(projection[x + q] + recurrent[rec + q]);
        double r = Steps.sigmoid(projection[x + h + q] + recurrent[rec + h + q]);
        double gated = r * state[b * h + q];
        s.update[at + q] = z;
        s.reset[at + q] = r;
        s.resetState[at + q] = gated;
        resetBlock[b * h + q] = gated;
      }
    }
    Gemm.multiply(resetBlock, candidateRecurrent, candidatePre, batch, 0.0);
    for (int b = 0; b < batch; b++) {
      int x = (t * batch + b) * 3 * h + 2 * h;
      for (int q = 0; q < h; q++) {
        candidatePre[b * h + q] += projection[x + q];
      }
    }
    double[] activation = candidatePre;
    if (normalizedOut != null) {
      LayerNorm.forward(candidatePre, weights.lnWeight, weights.lnBias, s.normalized[t], s.inverseStd[t],
          normalizedOut, batch, h);
      activation = normalizedOut;
    }
    for (int b = 0; b < batch; b++) {
      int at = s.offset(t, b);
      int next = s.offset(t + 1, b);
      for (int q = 0; q < h; q++) {
        double c = Tanh.of(activation[b * h + q]);
        double previous = state[b * h + q];
        double z = s.update[at + q];
        double now = previous + z * (c - previous);
        s.candidate[at + q] = c;
        s.states[next + q] = now;
        state[b * h + q] = now;
      }
    }
  }
}
