package io.horizon.core.model;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * The LSTM of THEORY §2.5 (LW-4 … LW-8) with a linear readout, optionally with LayerNorm on the cell-candidate
 * pre-activation. Stateless apart from the shared parameters: every pass keeps its scratch in locals or in its
 * {@link LstmTrajectory}, so one instance serves several threads at once.
 */
final class Lstm extends ParameterizedRnn {

  /** A model over {@code parameters} (validated against the layout by the caller), sharing their storage. */
  Lstm(ModelConfig config, ParameterSet parameters) {
    super(config, parameters, Architecture.LSTM);
  }

  /** LW-4 … LW-8 over the batch: one product per step for the whole batch, inputs and biases folded in. */
  @Override
  public LstmTrajectory forward(SequenceBatch batch, Precision products) {
    checkBatch(batch);
    LstmWeights w = packedParameters();
    int n = batch.batchSize();
    int length = batch.length();
    int h = config.hiddenSize();
    int rows = n * length;
    boolean ln = config.layerNorm();
    double[] gates = new double[rows * 4 * h];
    double[] cell = new double[rows * h];
    double[] tanhCell = new double[rows * h];
    double[] hidden = new double[rows * h];
    double[] normalized = ln ? new double[rows * h] : null;
    double[] inverseStd = ln ? new double[rows] : null;
    LstmSteps steps = new LstmSteps(w, batch, products);
    for (int t = 0; t < length; t++) {
      steps.advance(t);
      Steps.scatter(steps.gates, t, n, length, 4 * h, gates);
      Steps.scatter(steps.cell, t, n, length, h, cell);
      Steps.scatter(steps.tanhCell, t, n, length, h, tanhCell);
      Steps.scatter(steps.hidden, t, n, length, h, hidden);
      if (ln) {
        Steps.scatter(steps.normalized, t, n, length, h, normalized);
        Steps.scatter(steps.inverseStd, t, n, length, 1, inverseStd);
      }
    }
    double[] predictions =
        Readout.predict(hidden, parameters.data("out.weight"), parameters.data("out.bias")[0], rows, h);
    return new LstmTrajectory(
        batch, w, gates, cell, tanhCell, hidden, predictions, normalized, inverseStd, products);
  }

  @Override
  public double backward(Trajectory trajectory, ParameterSet gradient, double scale) {
    if (!Double.isFinite(scale)) {
      throw new IllegalArgumentException("scale: must be finite, got " + scale);
    }
    ParameterLayout.validate(config, gradient, "gradient");
    return LstmBackprop.backward(own(trajectory), parameters, gradient, scale);
  }

  @Override
  public Tangent tangent(Trajectory trajectory, ParameterSet direction, TangentMode mode) {
    return LstmTangent.tangent(own(trajectory), packedDirection(direction), mode);
  }

  /**
   * Forward pass, tangent and retention trace in one sweep over time ({@link LstmSweep}); {@code options} hold no
   * LSTM switch.
   */
  @Override
  public DiagnosticTrace diagnosticTrace(SequenceBatch batch, ParameterSet direction, TangentMode mode,
      RetentionOptions options, Precision products) {
    checkBatch(batch);
    return LstmSweep.trace(packedParameters(), parameters.data("out.weight"), parameters.data("out.bias")[0], batch,
        packedDirection(direction), mode, products);
  }

  /** LW-4 … LW-8 for step {@code t} from {@code previousState} {@code [b*2H + k]} (h then c), same layout out. */
  @Override
  public double[] step(SequenceBatch batch, int t, double[] previousState) {
    checkBatch(batch);
    int n = batch.batchSize();
    int h = config.hiddenSize();
    if (t < 0 || t >= batch.length()) {
      throw new IllegalArgumentException("t: step " + t + " outside [0, " + batch.length() + ")");
    }
    if (previousState.length != n * 2 * h) {
      throw new IllegalArgumentException(
          "previousState: expected " + n * 2 * h + " values [B, 2H], got " + previousState.length);
    }
    requireFinite(previousState, "previousState");
    LstmSteps steps = new LstmSteps(packedParameters(), batch, Precision.FLOAT64);
    for (int b = 0; b < n; b++) {
      System.arraycopy(previousState, b * 2 * h, steps.hidden, b * h, h);
      System.arraycopy(previousState, b * 2 * h + h, steps.cell, b * h, h);
    }
    steps.startFromState();
    steps.advance(t);
    double[] next = new double[n * 2 * h];
    for (int b = 0; b < n; b++) {
      System.arraycopy(steps.hidden, b * h, next, b * 2 * h, h);
      System.arraycopy(steps.cell, b * h, next, b * 2 * h + h, h);
    }
    return next;
  }

  /** THEORY §4.2; {@code options} hold no LSTM switch. */
  @Override
  public RetentionTrace retention(Trajectory trajectory, RetentionOptions options) {
    return LstmRetention.trace(own(trajectory));
  }

  /** A projection direction packed like the parameters, after checking its tensors and values. */
  private LstmWeights packedDirection(ParameterSet direction) {
    ParameterLayout.validate(config, direction, "direction");
    String bad = direction.firstNonFinite();
    if (bad != null) {
      throw new IllegalArgumentException("direction: tensor '" + bad + "' holds NaN or Inf");
    }
    return LstmWeights.pack(config, direction);
  }

  /** The packed parameters, after checking that no tensor holds NaN or Inf. */
  private LstmWeights packedParameters() {
    String bad = parameters.firstNonFinite();
    if (bad != null) {
      throw new IllegalArgumentException("parameters: tensor '" + bad + "' holds NaN or Inf");
    }
    return LstmWeights.pack(config, parameters);
  }

  private void checkBatch(SequenceBatch batch) {
    if (batch.inputDim() != config.inputDim()) {
      throw new IllegalArgumentException(
          "batch: input dimension " + batch.inputDim() + ", the model expects " + config.inputDim());
    }
    requireFinite(batch.x(), "batch x");
    requireFinite(batch.y(), "batch y");
  }

  private static void requireFinite(double[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(what + ": value " + values[i] + " at index " + i);
      }
    }
  }

  private static LstmTrajectory own(Trajectory trajectory) {
    if (trajectory instanceof LstmTrajectory lstm) {
      return lstm;
    }
    throw new IllegalArgumentException(
        "trajectory: expected one from an LSTM forward pass, got " + trajectory.getClass().getSimpleName());
  }
}
