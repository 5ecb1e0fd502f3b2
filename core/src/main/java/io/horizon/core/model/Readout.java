package io.horizon.core.model;

import io.horizon.core.task.SequenceBatch;

/**
 * The linear readout shared by every architecture, {@code ŷ_{b,t} = w_out · h_{b,t} + b_out}, and its weighted
 * squared-error loss (THEORY §2.1, §8.1). Hidden states are laid out {@code [(b*T + t)*H + q]}.
 */
public final class Readout {
  private Readout() {}

  /** Predictions {@code ŷ[b*T + t]} for every row of {@code hidden} ({@code rows = B·T}). */
  public static double[] predict(double[] hidden, double[] weight, double bias, int rows, int h) {
    double[] yhat = new double[rows];
    for (int r = 0; r < rows; r++) {
      yhat[r] = predict(hidden, r * h, weight, bias, h);
    }
    return yhat;
  }

  /** The prediction {@code w_out · h + b_out} of the row of {@code h} values at {@code from}. */
  static double predict(double[] hidden, int from, double[] weight, double bias, int h) {
    double s = bias;
    for (int q = 0; q < h; q++) {
      s += weight[q] * hidden[from + q];
    }
    return s;
  }

  /**
   * Reverse mode of the loss {@code scale · Σ_{b,t} w_t (ŷ − y)²}: writes {@code ∂/∂h} into {@code dHidden} (same
   * layout as the hidden states, overwritten), adds the readout gradients into {@code gradient} and returns the
   * unscaled weighted sum of squared errors.
   */
  public static double backward(SequenceBatch batch, double[] yhat, double[] hidden, ParameterSet parameters,
      ParameterSet gradient, double scale, double[] dHidden, int h) {
    double[] w = parameters.data("out.weight");
    double[] gw = gradient.data("out.weight");
    double[] gb = gradient.data("out.bias");
    double[] y = batch.y();
    int length = batch.length();
    double loss = 0;
    for (int r = 0; r < yhat.length; r++) {
      double weight = batch.weight(r % length);
      double e = yhat[r] - y[r];
      loss += weight * e * e;
      double g = 2 * scale * weight * e;
      gb[0] += g;
      int o = r * h;
      for (int q = 0; q < h; q++) {
        gw[q] += g * hidden[o + q];
        dHidden[o + q] = g * w[q];
      }
    }
    return loss;
  }
}
