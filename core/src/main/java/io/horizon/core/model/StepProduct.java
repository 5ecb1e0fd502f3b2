package io.horizon.core.model;

import io.horizon.core.linalg.Gemm;
import io.horizon.core.linalg.Precision;

/**
 * The matrix product of one recurrence step with the step's inputs and bias folded in: each sequence's row of the
 * left operand is {@code [state blocks | x_t | 1]} and the right operand holds the matching weights side by side,
 * {@code [R_1 | … | W_in | b]} (out × columns), so that one product per step gives the whole pre-activation
 * {@code Σ_i R_i s_i + W_in x_t + b} of every sequence. Callers fill the state blocks ({@link #setBlock},
 * {@link #setStep}, or {@link #rows()} directly); the inputs come from {@link #setInputs}. The weights sit in BLAS
 * memory for the whole sweep. One instance per call and thread.
 */
final class StepProduct {
  private final int batch;
  private final int columns;
  private final int inputAt;
  private final int inputDim;
  private final Gemm.Resident weights;
  private final double[] rows;

  /**
   * {@code blocks[i]} is an out × width_i row-major matrix, {@code input} out × inputDim and {@code bias} out long;
   * the state columns start at zero; the products run in {@code precision}.
   */
  StepProduct(int batch, double[][] blocks, int[] widths, double[] input, int inputDim, double[] bias, int out,
      Precision precision) {
    this.batch = batch;
    this.inputDim = inputDim;
    int at = 0;
    for (int width : widths) {
      at += width;
    }
    this.inputAt = at;
    this.columns = at + inputDim + 1;
    double[] weights = new double[out * columns];
    for (int r = 0; r < out; r++) {
      int to = r * columns;
      for (int i = 0; i < blocks.length; i++) {
        System.arraycopy(blocks[i], r * widths[i], weights, to, widths[i]);
        to += widths[i];
      }
      System.arraycopy(input, r * inputDim, weights, to, inputDim);
      weights[r * columns + columns - 1] = bias[r];
    }
    this.weights = Gemm.resident(weights, out, columns, true, precision);
    this.rows = new double[batch * columns];
    for (int b = 0; b < batch; b++) {
      rows[b * columns + columns - 1] = 1.0;
    }
  }

  /** The left operand, sequence b's row at {@code b * columns()}: state blocks first, in the order given. */
  double[] rows() {
    return rows;
  }

  int columns() {
    return columns;
  }

  /** Copies a B × width block (sequence b's values at {@code b * width}) into every row from column {@code at}. */
  void setBlock(double[] block, int at, int width) {
    for (int b = 0; b < batch; b++) {
      System.arraycopy(block, b * width, rows, b * columns + at, width);
    }
  }

  /**
   * Copies step t of every sequence of a batch-major {@code [(b*T + t)*width + k]} array (a trajectory) into every row
   * from column {@code at}.
   */
  void setStep(double[] trajectory, int t, int length, int at, int width) {
    for (int b = 0; b < batch; b++) {
      System.arraycopy(trajectory, (b * length + t) * width, rows, b * columns + at, width);
    }
  }

  /** Copies x_t of every sequence of a batch-major {@code [(b*T + t)*D + d]} input into the rows. */
  void setInputs(double[] x, int t, int length) {
    setStep(x, t, length, inputAt, inputDim);
  }

  /** {@code result = rows · weightsᵀ}, batch × out. */
  void multiply(double[] result) {
    Gemm.multiply(rows, weights, result, batch, 0.0);
  }
}
