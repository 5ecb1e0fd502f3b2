package io.horizon.core.model;

import io.horizon.core.linalg.Precision;

/**
 * The LSTM tensors of THEORY §2.5 packed gate by gate in the order i, f, o, g (rows {@code [k·H, (k+1)·H)} for gate
 * k) so that one matrix product serves all four gates: input weights {@code [4H, D]}, input biases {@code [4H]},
 * recurrent weights {@code [4H, H]} and the LayerNorm affine of the cell candidate (null without LayerNorm). The
 * same packing holds parameters, gradients and tangent directions.
 */
record LstmWeights(
    int hiddenSize,
    int inputDim,
    double[] input,
    double[] bias,
    double[] recurrent,
    double[] normWeight,
    double[] normBias) {

  /** Gate suffixes of the tensor names, in packing order (LW-4 … LW-7). */
  static final String[] GATES = {"i", "f", "o", "g"};

  /** Offset (in units of H) of each gate inside a packed row. */
  static final int INPUT = 0;
  static final int FORGET = 1;
  static final int OUTPUT = 2;
  static final int CANDIDATE = 3;

  /** Packs copies of the tensors {@code W*}, {@code U*} and {@code ln_cand.*} of {@code tensors}. */
  static LstmWeights pack(ModelConfig config, ParameterSet tensors) {
    LstmWeights packed = zeros(config.hiddenSize(), config.inputDim(), config.layerNorm());
    int h = packed.hiddenSize;
    int d = packed.inputDim;
    for (int k = 0; k < GATES.length; k++) {
      System.arraycopy(tensors.data("W" + GATES[k] + ".weight"), 0, packed.input, k * h * d, h * d);
      System.arraycopy(tensors.data("W" + GATES[k] + ".bias"), 0, packed.bias, k * h, h);
      System.arraycopy(tensors.data("U" + GATES[k] + ".weight"), 0, packed.recurrent, k * h * h, h * h);
    }
    if (packed.normWeight != null) {
      String ln = ParameterLayout.layerNormPrefix(Architecture.LSTM);
      System.arraycopy(tensors.data(ln + ".weight"), 0, packed.normWeight, 0, h);
      System.arraycopy(tensors.data(ln + ".bias"), 0, packed.normBias, 0, h);
    }
    return packed;
  }

  /** Zeros with the shapes of this packing (the start of a gradient accumulation). */
  LstmWeights zerosLike() {
    return zeros(hiddenSize, inputDim, normWeight != null);
  }

  private static LstmWeights zeros(int h, int d, boolean ln) {
    return new LstmWeights(h, d, new double[4 * h * d], new double[4 * h], new double[4 * h * h],
        ln ? new double[h] : null, ln ? new double[h] : null);
  }

  /** Adds every packed value into the tensor of {@code target} it was packed from. */
  void addTo(ParameterSet target) {
    int h = hiddenSize;
    int d = inputDim;
    for (int k = 0; k < GATES.length; k++) {
      add(input, k * h * d, target.data("W" + GATES[k] + ".weight"));
      add(bias, k * h, target.data("W" + GATES[k] + ".bias"));
      add(recurrent, k * h * h, target.data("U" + GATES[k] + ".weight"));
    }
    if (normWeight != null) {
      String ln = ParameterLayout.layerNormPrefix(Architecture.LSTM);
      add(normWeight, 0, target.data(ln + ".weight"));
      add(normBias, 0, target.data(ln + ".bias"));
    }
  }

  /**
   * The product of one step, {@code [h_{t−1} | x_t | 1] · [U | W | b]ᵀ} (B × 4H): the pre-activations of all four
   * gates with the inputs and biases folded in (LW-4 … LW-7), in {@code precision}.
   */
  StepProduct stepProduct(int batch, Precision precision) {
    return new StepProduct(batch, new double[][] {recurrent}, new int[] {hiddenSize}, input, inputDim, bias,
        4 * hiddenSize, precision);
  }

  /**
   * Adds a {@code [4H, D + H]} matrix, row k = (input row k, recurrent row k), into the input and recurrent weights:
   * the weight gradients over all steps against {@link LstmTrajectory#inputsWithPreviousHidden()}.
   */
  void addJoined(double[] joined) {
    int h = hiddenSize;
    int d = inputDim;
    for (int k = 0; k < 4 * h; k++) {
      for (int j = 0; j < d; j++) {
        input[k * d + j] += joined[k * (d + h) + j];
      }
      for (int j = 0; j < h; j++) {
        recurrent[k * h + j] += joined[k * (d + h) + d + j];
      }
    }
  }

  private static void add(double[] packed, int from, double[] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] += packed[from + i];
    }
  }

  /** The diagonal {@code [U_gate]_{qq}}, q = 0 … H−1, of one recurrent matrix (THEORY §4.2, {@code cdiag}). */
  double[] recurrentDiagonal(int gate) {
    double[] diagonal = new double[hiddenSize];
    for (int q = 0; q < hiddenSize; q++) {
      diagonal[q] = recurrent[(gate * hiddenSize + q) * hiddenSize + q];
    }
    return diagonal;
  }
}
