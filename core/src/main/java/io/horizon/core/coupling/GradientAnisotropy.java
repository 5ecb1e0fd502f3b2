package io.horizon.core.coupling;

import io.horizon.core.linalg.Gemm;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceBatch;
import io.horizon.core.task.SequenceDataset;

/**
 * The gradient side of S2 (THEORY §10.3): one row per sample, the exact BPTT gradient of that sample's loss (batch
 * size 1, inputs jittered by 1e-6·N(0,1)); rows normalised to unit norm, columns centred, columns of norm at most
 * {@code 1e-10·sqrt(M)} dropped, 1e-8·N(0,1) jitter added; AI_r and CE_r of the singular values of that matrix G,
 * taken as the square roots of the singular values of the symmetric M×M Gram matrix {@code G Gᵀ}.
 */
public final class GradientAnisotropy {
  /** Per-sample gradient rows M_G of THEORY §10.3. */
  public static final int SAMPLES = 256;
  private static final double INPUT_JITTER = 1e-6;
  private static final double MATRIX_JITTER = 1e-8;
  private static final double COLUMN_FLOOR = 1e-10;

  private GradientAnisotropy() {}

  /** AI_r and CE_r of the per-sample gradients of {@code model} on every sequence of {@code samples}. */
  public static AnisotropyMetrics measure(
      GatedRnn model, SequenceDataset samples, int rank, int retained, long seed) {
    Rng rng = new Rng(Rng.derive(seed, "coupling/s2/inputs"));
    ParameterSet gradient = model.trainable().zerosLike();
    int width = gradient.size();
    double[] rows = new double[samples.count() * width];
    for (int i = 0; i < samples.count(); i++) {
      SequenceBatch sample = samples.batch(i, i + 1);
      double[] x = sample.x();
      for (int j = 0; j < x.length; j++) {
        x[j] += INPUT_JITTER * rng.gaussian();
      }
      gradient.clear();
      model.backward(model.forward(sample), gradient, 1.0);
      System.arraycopy(gradient.flatten(), 0, rows, i * width, width);
    }
    return ofRows(rows, samples.count(), width, rank, retained, seed);
  }

  /** AI_r and CE_r of a {@code count×width} row-major gradient matrix after the THEORY §10.3 preparation. */
  public static AnisotropyMetrics ofRows(double[] rows, int count, int width, int rank, int retained, long seed) {
    Matrices.requireShape("rows", rows, count, width);
    Matrices.requireFinite("rows", rows);
    if (rank > count) {
      throw new IllegalArgumentException("rank: must be at most the number of rows " + count + ", got " + rank);
    }
    double[] g = rows.clone();
    for (int i = 0; i < count; i++) {
      double norm = 0;
      for (int j = 0; j < width; j++) {
        norm += g[i * width + j] * g[i * width + j];
      }
      double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (int j = 0; j < width; j++) {
        g[i * width + j] *= scale;
      }
    }
    double[] kept = centredColumns(g, count, width);
    int columns = kept.length / count;
    Rng rng = new Rng(Rng.derive(seed, "coupling/s2/jitter"));
    for (int i = 0; i < kept.length; i++) {
      kept[i] += MATRIX_JITTER * rng.gaussian();
    }
    double[] gram = new double[count * count];
    Gemm.multiply(kept, false, kept, true, gram, count, count, columns, 0.0);
    double[] eigen = SingularValues.of(gram, count, count);
    double[] sigma = new double[eigen.length];
    for (int i = 0; i < eigen.length; i++) {
      sigma[i] = Math.sqrt(eigen[i]);
    }
    return AnisotropyMetrics.of(sigma, rank, retained);
  }

  /** The columns of {@code g} centred, keeping those whose centred norm exceeds {@code 1e-10·sqrt(count)}. */
  private static double[] centredColumns(double[] g, int count, int width) {
    double floor = COLUMN_FLOOR * Math.sqrt(count);
    boolean[] keep = new boolean[width];
    int kept = 0;
    for (int j = 0; j < width; j++) {
      double mean = 0;
      for (int i = 0; i < count; i++) {
        mean += g[i * width + j];
      }
      mean /= count;
      double norm = 0;
      for (int i = 0; i < count; i++) {
        g[i * width + j] -= mean;
        norm += g[i * width + j] * g[i * width + j];
      }
      keep[j] = Math.sqrt(norm) > floor;
      kept += keep[j] ? 1 : 0;
    }
    if (kept == 0) {
      throw new IllegalArgumentException("rows: every column is constant after normalisation; no gradient spread");
    }
    double[] out = new double[count * kept];
    for (int i = 0; i < count; i++) {
      int at = 0;
      for (int j = 0; j < width; j++) {
        if (keep[j]) {
          out[i * kept + at++] = g[i * width + j];
        }
      }
    }
    return out;
  }
}
