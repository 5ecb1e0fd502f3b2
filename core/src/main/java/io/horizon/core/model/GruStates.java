package io.horizon.core.model;

/**
 * The intermediates of the GRU recurrence (LW-15…LW-18) over T steps of B sequences, time-major so that every step
 * is one contiguous [B, H] block: entry (t, b, q) at {@code (t*B + b)*H + q}.
 */
final class GruStates {
  final int batchSize;
  final int length;
  final int hiddenSize;
  /** h_{t-1} in block t: block 0 is the zero initial state, block t+1 is h_t; (T+1)·B·H values. */
  final double[] states;
  /** Update gate z_t (LW-15). */
  final double[] update;
  /** Reset gate r_t (LW-16). */
  final double[] reset;
  /** Candidate h̃_t (LW-17). */
  final double[] candidate;
  /** Reset-gated previous state r_t ⊙ h_{t-1}, the input of U_h (LW-17). */
  final double[] resetState;
  /** LayerNorm normalised pre-activation per step ([B, H] each), null without LayerNorm. */
  final double[][] normalized;
  /** LayerNorm 1/sqrt(var + eps) per step ([B] each), null without LayerNorm. */
  final double[][] inverseStd;

  GruStates(int batchSize, int length, int hiddenSize, boolean layerNorm) {
    this.batchSize = batchSize;
    this.length = length;
    this.hiddenSize = hiddenSize;
    int n = length * batchSize * hiddenSize;
    this.states = new double[n + batchSize * hiddenSize];
    this.update = new double[n];
    this.reset = new double[n];
    this.candidate = new double[n];
    this.resetState = new double[n];
    this.normalized = layerNorm ? new double[length][batchSize * hiddenSize] : null;
    this.inverseStd = layerNorm ? new double[length][batchSize] : null;
  }

  /** Index of unit 0 of sequence b at step t in the [T, B, H] arrays (and of h_{t-1} in {@link #states}). */
  int offset(int t, int b) {
    return (t * batchSize + b) * hiddenSize;
  }
}
