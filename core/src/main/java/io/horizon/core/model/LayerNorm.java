package io.horizon.core.model;

/**
 * Row-wise LayerNorm with elementwise affine, eps 1e-5 (THEORY §2.1): {@code out = w ⊙ (z - mean z) / sqrt(var z +
 * eps) + b} over each row of a [rows, H] block, with its reverse-mode and forward-mode derivatives.
 */
public final class LayerNorm {
  /** PyTorch's default epsilon. */
  public static final double EPS = 1e-5;

  private LayerNorm() {}

  /**
   * Normalises {@code in} into {@code out}; keeps the normalised values {@code zhat} and per-row
   * {@code 1/sqrt(var + eps)} in {@code invStd} for the derivatives.
   */
  public static void forward(
      double[] in, double[] w, double[] b, double[] zhat, double[] invStd, double[] out, int rows, int h) {
    for (int r = 0; r < rows; r++) {
      int o = r * h;
      double mean = 0;
      for (int q = 0; q < h; q++) {
        mean += in[o + q];
      }
      mean /= h;
      double var = 0;
      for (int q = 0; q < h; q++) {
        double c = in[o + q] - mean;
        var += c * c;
      }
      double inv = 1.0 / Math.sqrt(var / h + EPS);
      invStd[r] = inv;
      for (int q = 0; q < h; q++) {
        double z = (in[o + q] - mean) * inv;
        zhat[o + q] = z;
        out[o + q] = w[q] * z + b[q];
      }
    }
  }

  /**
   * Reverse mode: given {@code dOut}, writes {@code dIn} and adds into {@code dW}, {@code dB} (either may be null
   * when the affine parameters are not wanted).
   */
  public static void backward(double[] dOut, double[] zhat, double[] invStd, double[] w,
      double[] dIn, double[] dW, double[] dB, int rows, int h) {
    for (int r = 0; r < rows; r++) {
      int o = r * h;
      double meanG = 0;
      double meanGz = 0;
      for (int q = 0; q < h; q++) {
        double g = dOut[o + q] * w[q];
        meanG += g;
        meanGz += g * zhat[o + q];
        if (dW != null) {
          dW[q] += dOut[o + q] * zhat[o + q];
        }
        if (dB != null) {
          dB[q] += dOut[o + q];
        }
      }
      meanG /= h;
      meanGz /= h;
      for (int q = 0; q < h; q++) {
        double g = dOut[o + q] * w[q];
        dIn[o + q] = invStd[r] * (g - meanG - zhat[o + q] * meanGz);
      }
    }
  }

  /**
   * Forward mode: the tangent of the output given the tangent of the input {@code dIn} and of the affine
   * parameters {@code dW}, {@code dB} (null means zero).
   */
  public static void tangent(double[] dIn, double[] zhat, double[] invStd, double[] w,
      double[] dW, double[] dB, double[] dOut, int rows, int h) {
    for (int r = 0; r < rows; r++) {
      int o = r * h;
      double meanD = 0;
      double meanDz = 0;
      for (int q = 0; q < h; q++) {
        meanD += dIn[o + q];
        meanDz += dIn[o + q] * zhat[o + q];
      }
      meanD /= h;
      meanDz /= h;
      for (int q = 0; q < h; q++) {
        double dz = invStd[r] * (dIn[o + q] - meanD - zhat[o + q] * meanDz);
        double v = w[q] * dz;
        if (dW != null) {
          v += dW[q] * zhat[o + q];
        }
        if (dB != null) {
          v += dB[q];
        }
        dOut[o + q] = v;
      }
    }
  }
}
