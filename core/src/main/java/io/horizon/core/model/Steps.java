package io.horizon.core.model;

/**
 * Moves one time step between the batch-major layout {@code [(b*T + t)*W + k]} of trajectories and a contiguous
 * {@code [b*W + k]} block that a batched matrix product can work on.
 */
public final class Steps {
  private Steps() {}

  /** Copies step {@code t} of every sequence into {@code block} ({@code B×W}). */
  public static void gather(double[] src, int t, int batch, int length, int width, double[] block) {
    for (int b = 0; b < batch; b++) {
      System.arraycopy(src, (b * length + t) * width, block, b * width, width);
    }
  }

  /** Copies {@code block} ({@code B×W}) into step {@code t} of every sequence. */
  public static void scatter(double[] block, int t, int batch, int length, int width, double[] dst) {
    for (int b = 0; b < batch; b++) {
      System.arraycopy(block, b * width, dst, (b * length + t) * width, width);
    }
  }

  /** Logistic sigmoid {@code 1 / (1 + e^{-z})}. */
  public static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
