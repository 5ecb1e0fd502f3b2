package io.horizon.core.coupling;

import io.horizon.core.model.LeakyStepJacobians;
import io.horizon.core.random.Rng;
import java.util.Arrays;

/**
 * Every window (k, t] of every sequence with its sensitivity {@code S_{t,k} = ‖∏_{j=k+1}^{t} J_j‖_2} (power iteration,
 * THEORY §10.2) and zeroth-order predictor {@code P_{t,k} = mean_q ∏_{j=k+1}^{t} (1 − s_j^{(q)})} (THEORY §10.1: the
 * leak power (1−s)^h for ConstGate, the scalar-gate product for SharedGate, the unit mean for DiagGate). Pairs are
 * ordered by sequence, then start k, then end t; each start grows its product one step at a time.
 */
final class SensitivityPairs {
  final int[] lags;
  final double[] sensitivity;
  final double[] predictor;

  private SensitivityPairs(int count) {
    this.lags = new int[count];
    this.sensitivity = new double[count];
    this.predictor = new double[count];
  }

  /**
   * All {@code B·T(T−1)/2} windows, {@code iterations} power iterations each; the starts are drawn from {@code rng}
   * in pair order.
   */
  static SensitivityPairs collect(LeakyStepJacobians jacobians, int iterations, Rng rng) {
    int length = jacobians.length();
    int n = jacobians.hiddenSize();
    if (length < 2) {
      throw new IllegalArgumentException("length: S1 needs at least 2 steps, got " + length);
    }
    SensitivityPairs pairs = new SensitivityPairs(jacobians.batchSize() * length * (length - 1) / 2);
    double[] retention = new double[n];
    double[] gateProduct = new double[n];
    int at = 0;
    for (int b = 0; b < jacobians.batchSize(); b++) {
      for (int k = 0; k < length - 1; k++) {
        JacobianProduct product = JacobianProduct.from(jacobians, b, k);
        Arrays.fill(gateProduct, 1.0);
        while (product.end() < length - 1) {
          product.advance();
          jacobians.retention(b, product.end(), retention);
          double mean = 0;
          for (int q = 0; q < n; q++) {
            gateProduct[q] *= retention[q];
            mean += gateProduct[q];
          }
          pairs.lags[at] = product.lag();
          pairs.predictor[at] = mean / n;
          pairs.sensitivity[at] = SpectralNorm.estimate(product.view(), n, iterations, rng);
          at++;
        }
      }
    }
    return pairs;
  }

  /** The values of {@code values} at lag h, in pair order. */
  double[] atLag(double[] values, int h) {
    int count = 0;
    for (int lag : lags) {
      count += lag == h ? 1 : 0;
    }
    double[] out = new double[count];
    int at = 0;
    for (int i = 0; i < lags.length; i++) {
      if (lags[i] == h) {
        out[at++] = values[i];
      }
    }
    return out;
  }
}
