package io.horizon.core.model;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * The GRU of THEORY §2.6 (LW-15…LW-18) with the linear readout of §2.1 and optional LayerNorm on the candidate
 * pre-activation {@code tanh(LN(W_h x + b_h + U_h (r ⊙ h)))}. Stateless apart from the parameters: every call keeps
 * its scratch in locals or in the trajectory, so one instance serves several threads.
 */
public final class Gru extends ParameterizedRnn {

  /** A GRU over {@code parameters} (shared, not copied), already validated against {@link ParameterLayout}. */
  public Gru(ModelConfig config, ParameterSet parameters) {
    super(config, parameters, Architecture.GRU);
  }

  private GruWeights weights() {
    return GruWeights.of(config, parameters, "gru parameters");
  }

  @Override
  public Trajectory forward(SequenceBatch batch, Precision products) {
    checkInputs(batch);
    GruWeights w = weights();
    int nb = batch.batchSize();
    int length = batch.length();
    int h = config.hiddenSize();
    double[] inputs = timeMajor(batch);
    double[] projection = w.project(inputs, length * nb);
    GruStates s = new GruStates(nb, length, h, config.layerNorm());
    GruCell cell = new GruCell(w, nb, products);
    double[] state = new double[nb * h];
    double[] hidden = new double[nb * length * h];
    for (int t = 0; t < length; t++) {
      cell.advance(s, t, projection, state);
      Steps.scatter(state, t, nb, length, h, hidden);
    }
    double[] predictions = Readout.predict(hidden, w.outWeight, w.outBias[0], nb * length, h);
    return new GruTrajectory(batch, s, inputs, hidden, predictions, products);
  }

  @Override
  public double backward(Trajectory trajectory, ParameterSet gradient, double scale) {
    return GruBackward.run(config, weights(), parameters, own(trajectory), gradient, scale);
  }

  @Override
  public Tangent tangent(Trajectory trajectory, ParameterSet direction, TangentMode mode) {
    GruWeights u = GruWeights.of(config, direction, "direction");
    return new Tangent(GruForwardMode.run(weights(), u, own(trajectory), mode), null);
  }

  @Override
  public double[] step(SequenceBatch batch, int t, double[] previousState) {
    checkInputs(batch);
    int nb = batch.batchSize();
    int h = config.hiddenSize();
    if (t < 0 || t >= batch.length()) {
      throw new IllegalArgumentException("t: step " + t + " outside [0, " + batch.length() + ")");
    }
    if (previousState.length != nb * h) {
      throw new IllegalArgumentException(
          "previousState: expected " + nb * h + " values [B=" + nb + ", H=" + h + "], got " + previousState.length);
    }
    GruWeights w = weights();
    double[] input = new double[nb * config.inputDim()];
    Steps.gather(batch.x(), t, nb, batch.length(), config.inputDim(), input);
    GruStates s = new GruStates(nb, 1, h, config.layerNorm());
    double[] state = previousState.clone();
    new GruCell(w, nb, Precision.FLOAT64).advance(s, 0, w.project(input, nb), state);
    return state;
  }

  @Override
  public RetentionTrace retention(Trajectory trajectory, RetentionOptions options) {
    return GruRetention.run(weights(), own(trajectory).states, options.gruCodeDiagonal());
  }

  private GruTrajectory own(Trajectory trajectory) {
    if (!(trajectory instanceof GruTrajectory g) || g.states.hiddenSize != config.hiddenSize()) {
      throw new IllegalArgumentException("trajectory: not produced by a GRU of hidden size " + config.hiddenSize());
    }
    return g;
  }

  /** The batch's input dimension must be D and every input finite. */
  private void checkInputs(SequenceBatch batch) {
    if (batch.inputDim() != config.inputDim()) {
      throw new IllegalArgumentException(
          "x: input dimension " + batch.inputDim() + " does not match the model's D = " + config.inputDim());
    }
    double[] x = batch.x();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        int d = batch.inputDim();
        throw new IllegalArgumentException("x: NaN or Inf at sequence " + i / (d * batch.length()) + ", step "
            + (i / d) % batch.length() + ", input " + i % d);
      }
    }
  }

  /** The inputs {@code x[(b*T + t)*D + i]} reordered time-major, {@code [(t*B + b)*D + i]}. */
  private static double[] timeMajor(SequenceBatch batch) {
    int nb = batch.batchSize();
    int length = batch.length();
    int d = batch.inputDim();
    double[] out = new double[nb * length * d];
    for (int b = 0; b < nb; b++) {
      for (int t = 0; t < length; t++) {
        System.arraycopy(batch.x(), (b * length + t) * d, out, (t * nb + b) * d, d);
      }
    }
    return out;
  }
}
