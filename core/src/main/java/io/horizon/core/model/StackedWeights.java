package io.horizon.core.model;

/**
 * The candidate module and the learned gate module of a leaky gated model stacked row-wise, so that one matrix
 * product serves both pre-activations of THEORY §2.1–2.4: {@code input = [W_x; W_s]} (W×D),
 * {@code inputBias = [b_x; b_s]} (W) and {@code recurrent = [W_h; U_s]} (W×H), with {@code W = H + G} and G the gate
 * width (no gate rows for ConstGate). The same stacking serves parameters, gradients and tangent directions.
 */
record StackedWeights(double[] input, double[] inputBias, double[] recurrent) {
  private static final String[] CANDIDATE = {"Wx.weight", "Wx.bias", "Wh.weight"};
  private static final String[] GATE = {"Ws.weight", "Ws.bias", "Us.weight"};

  /** Stacks the candidate tensors of {@code set} over its gate tensors (candidate only when not {@code gated}). */
  static StackedWeights of(ParameterSet set, boolean gated) {
    double[][] parts = new double[CANDIDATE.length][];
    for (int i = 0; i < parts.length; i++) {
      double[] top = set.data(CANDIDATE[i]);
      if (gated) {
        double[] bottom = set.data(GATE[i]);
        parts[i] = new double[top.length + bottom.length];
        System.arraycopy(top, 0, parts[i], 0, top.length);
        System.arraycopy(bottom, 0, parts[i], top.length, bottom.length);
      } else {
        parts[i] = top;
      }
    }
    return new StackedWeights(parts[0], parts[1], parts[2]);
  }

  /** Adds every stacked block into its own tensor of {@code target}: the reverse of {@link #of}. */
  void addInto(ParameterSet target, boolean gated) {
    double[][] parts = {input, inputBias, recurrent};
    for (int i = 0; i < parts.length; i++) {
      double[] top = target.data(CANDIDATE[i]);
      add(parts[i], 0, top);
      if (gated) {
        add(parts[i], top.length, target.data(GATE[i]));
      }
    }
  }

  /** {@code dst[i] += src[from + i]} for every i of {@code dst}. */
  private static void add(double[] src, int from, double[] dst) {
    for (int i = 0; i < dst.length; i++) {
      dst[i] += src[from + i];
    }
  }
}
