package io.horizon.core.model;

import io.horizon.core.linalg.Gemm;

/**
 * The GRU tensors of THEORY §2.6 (LW-15…LW-17, readout §2.1, LayerNorm {@code ln_h.*}) read by name from a parameter
 * set: the model's parameters, a gradient or a direction, all with the layout of {@link ParameterLayout}. The
 * arrays are the set's own storage.
 */
final class GruWeights {
  final int inputDim;
  final int hiddenSize;
  final double[] updateInput;
  final double[] updateBias;
  final double[] resetInput;
  final double[] resetBias;
  final double[] candidateInput;
  final double[] candidateBias;
  final double[] updateRecurrent;
  final double[] resetRecurrent;
  final double[] candidateRecurrent;
  final double[] outWeight;
  final double[] outBias;
  /** LayerNorm weight and bias, null without LayerNorm. */
  final double[] lnWeight;
  final double[] lnBias;

  private GruWeights(ModelConfig config, ParameterSet set, String source) {
    int d = config.inputDim();
    int h = config.hiddenSize();
    this.inputDim = d;
    this.hiddenSize = h;
    this.updateInput = read(set, "Wz.weight", h * d, source);
    this.updateBias = read(set, "Wz.bias", h, source);
    this.resetInput = read(set, "Wr.weight", h * d, source);
    this.resetBias = read(set, "Wr.bias", h, source);
    this.candidateInput = read(set, "Wh.weight", h * d, source);
    this.candidateBias = read(set, "Wh.bias", h, source);
    this.updateRecurrent = read(set, "Uz.weight", h * h, source);
    this.resetRecurrent = read(set, "Ur.weight", h * h, source);
    this.candidateRecurrent = read(set, "Uh.weight", h * h, source);
    this.outWeight = read(set, "out.weight", h, source);
    this.outBias = read(set, "out.bias", 1, source);
    String ln = ParameterLayout.layerNormPrefix(Architecture.GRU);
    this.lnWeight = config.layerNorm() ? read(set, ln + ".weight", h, source) : null;
    this.lnBias = config.layerNorm() ? read(set, ln + ".bias", h, source) : null;
  }

  /**
   * Views of the GRU tensors of {@code set}; the error names {@code source}, the tensor and the reason when one is
   * missing, has the wrong size or holds NaN/Inf.
   */
  static GruWeights of(ModelConfig config, ParameterSet set, String source) {
    return new GruWeights(config, set, source);
  }

  private static double[] read(ParameterSet set, String name, int size, String source) {
    if (!set.contains(name)) {
      throw new IllegalArgumentException(source + ": tensor '" + name + "' missing (present: " + set.names() + ")");
    }
    double[] data = set.data(name);
    if (data.length != size) {
      throw new IllegalArgumentException(
          source + ": tensor '" + name + "' has " + data.length + " values, expected " + size);
    }
    for (double v : data) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(source + ": tensor '" + name + "' holds NaN or Inf");
      }
    }
    return data;
  }

  /** {@code [W_z; W_r; W_h]} stacked row-wise, shape [3H, D]. */
  private double[] stackedInput() {
    int block = hiddenSize * inputDim;
    double[] out = new double[3 * block];
    System.arraycopy(updateInput, 0, out, 0, block);
    System.arraycopy(resetInput, 0, out, block, block);
    System.arraycopy(candidateInput, 0, out, 2 * block, block);
    return out;
  }

  /** {@code [U_z; U_r]} stacked row-wise, shape [2H, H]: one product gives both gate pre-activations (LW-15, LW-16). */
  double[] stackedUpdateReset() {
    int block = hiddenSize * hiddenSize;
    double[] out = new double[2 * block];
    System.arraycopy(updateRecurrent, 0, out, 0, block);
    System.arraycopy(resetRecurrent, 0, out, block, block);
    return out;
  }

  /**
   * The input parts of the three pre-activations for {@code rows} input rows {@code x} ([rows, D]):
   * {@code [W_z x + b_z, W_r x + b_r, W_h x + b_h]} as [rows, 3H] (LW-15…LW-17), one matrix product for all rows.
   */
  double[] project(double[] x, int rows) {
    int h = hiddenSize;
    double[] out = new double[rows * 3 * h];
    Gemm.multiply(x, false, stackedInput(), true, out, rows, 3 * h, inputDim, 0.0);
    for (int row = 0; row < rows; row++) {
      int o = row * 3 * h;
      for (int q = 0; q < h; q++) {
        out[o + q] += updateBias[q];
        out[o + h + q] += resetBias[q];
        out[o + 2 * h + q] += candidateBias[q];
      }
    }
    return out;
  }
}
