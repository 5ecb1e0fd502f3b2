package io.horizon.core.coupling;

import io.horizon.core.linalg.Gemm;
import io.horizon.core.model.LeakyStepJacobians;

/**
 * The product of one-step Jacobians over a window (k, t] of one sequence, {@code M = J_t J_{t-1} ⋯ J_{k+1}}
 * (THEORY §1 ordering, §10.2), grown one step at a time: {@link #advance} takes t to t + 1 by {@code M ← J_{t+1} M}.
 */
public final class JacobianProduct {
  private final LeakyStepJacobians jacobians;
  private final int sequence;
  private final int start;
  private final double[] step;
  private double[] matrix;
  private double[] spare;
  private int end;

  private JacobianProduct(LeakyStepJacobians jacobians, int sequence, int start) {
    int n = jacobians.hiddenSize();
    this.jacobians = jacobians;
    this.sequence = sequence;
    this.start = start;
    this.step = new double[n * n];
    this.matrix = Matrices.identity(n);
    this.spare = new double[n * n];
    this.end = start;
  }

  /** The empty product (the identity) of sequence b starting after step k, 0 ≤ k < T. */
  public static JacobianProduct from(LeakyStepJacobians jacobians, int b, int k) {
    if (k < 0 || k >= jacobians.length()) {
      throw new IllegalArgumentException("k: start step " + k + " is outside [0, " + jacobians.length() + ")");
    }
    if (b < 0 || b >= jacobians.batchSize()) {
      throw new IllegalArgumentException("b: sequence " + b + " is outside [0, " + jacobians.batchSize() + ")");
    }
    return new JacobianProduct(jacobians, b, k);
  }

  /** {@code ∏_{j=k+1}^{t} J_j} of sequence b for 0 ≤ k < t < T, as an n×n row-major array (a fresh copy). */
  public static double[] over(LeakyStepJacobians jacobians, int b, int k, int t) {
    if (t <= k || t >= jacobians.length()) {
      throw new IllegalArgumentException(
          "t: end step " + t + " must lie in (" + k + ", " + jacobians.length() + ") for start step " + k);
    }
    JacobianProduct product = from(jacobians, b, k);
    while (product.end() < t) {
      product.advance();
    }
    return product.matrix();
  }

  /** The last step t of the window (k, t]; equals k for the empty product. */
  public int end() {
    return end;
  }

  /** The lag h = t − k. */
  public int lag() {
    return end - start;
  }

  /** Extends the window by one step: {@code M ← J_{t+1} M}. */
  public void advance() {
    if (end + 1 >= jacobians.length()) {
      throw new IllegalStateException("the window already ends at the last step " + end);
    }
    end++;
    int n = jacobians.hiddenSize();
    jacobians.jacobian(sequence, end, step);
    Gemm.multiply(step, matrix, spare, n, n, n);
    double[] swap = matrix;
    matrix = spare;
    spare = swap;
  }

  /** The current product (shared buffer: valid until the next {@link #advance}). */
  public double[] view() {
    return matrix;
  }

  /** A copy of the current product. */
  public double[] matrix() {
    return matrix.clone();
  }
}
