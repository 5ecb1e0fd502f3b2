package io.horizon.core.model;

import io.horizon.core.linalg.Gemm;
import io.horizon.core.linalg.Precision;
import io.horizon.core.linalg.VectorMath;
import io.horizon.core.task.SequenceBatch;

/**
 * The common template of the diagonally gated RNNs (THEORY §2.1): candidate
 * {@code h̃_t = tanh([LN](W_x x_t + b_x + W_h h_{t-1}))}, leaky update {@code h_t = (1 - s_t) ⊙ h_{t-1} + s_t ⊙ h̃_t}
 * with {@code h_{-1} = 0}, linear readout, exact BPTT (LW-2), forward-mode tangents (THEORY §5.4) and the retention
 * trace of THEORY §4.1. Subclasses supply only the gate s_t: ConstGate (§2.2), SharedGate (§2.3), DiagGate (§2.4).
 *
 * <p>The candidate and gate modules are stacked ({@link StackedWeights}, W = H + G columns): the input projections of
 * all steps are one matrix product, each step is one product of the batch's states with {@code [W_h; U_s]}, and the
 * weight gradients are single products over all steps. Every mutable buffer is local to a call, so one instance
 * serves several threads at once.
 */
abstract class LeakyGatedRnn extends ParameterizedRnn {
  private final String layerNorm;

  LeakyGatedRnn(ModelConfig config, ParameterSet parameters, Architecture architecture) {
    super(config, parameters, architecture);
    this.layerNorm = config.layerNorm() ? ParameterLayout.layerNormPrefix(architecture) : null;
  }

  /** Gate pre-activations per step and sequence: 0 (ConstGate), 1 (SharedGate, LW-54) or H (DiagGate, LW-52). */
  abstract int gateWidth();

  /** The openings s_t of one row (H values at {@code openingAt}) from its G gate pre-activations at {@code gateAt}. */
  abstract void open(double[] gatePre, int gateAt, double[] opening, int openingAt);

  /**
   * Reverse mode of {@link #open}: writes ∂L/∂(gate pre-activation) (G values at {@code gateAt}) from ∂L/∂s_t (H
   * values at {@code dAt}).
   */
  abstract void openBackward(double[] dOpening, int dAt, double[] opening, int openingAt, double[] dGatePre, int gateAt);

  /**
   * Forward mode of {@link #open}: writes the tangent of s_t (H values at {@code dAt}) from the tangent of the gate
   * pre-activations (G values at {@code gateAt}).
   */
  abstract void openTangent(double[] dGatePre, int gateAt, double[] opening, int openingAt, double[] dOpening, int dAt);

  /**
   * Per unit q, the recurrent gate weight on the unit's own state, {@code [U_s]_{qq}} (DiagGate) or {@code [u_s]_q}
   * (SharedGate), zero for ConstGate: the factor of the gate-sensitivity term of {@code [B_j]_{qq}} (THEORY §4.1).
   */
  abstract double[] gateSelfWeights();

  /** H, the number of units (n in THEORY §1). */
  int hiddenSize() {
    return config.hiddenSize();
  }

  /** Batched forward pass (THEORY §2.1) from {@code h_{-1} = 0}, keeping h_t, h̃_t, s_t and the LayerNorm state. */
  @Override
  public Trajectory forward(SequenceBatch batch, Precision products) {
    checkInputs(batch);
    LeakyStates states = run(batch, new double[batch.batchSize() * hiddenSize()], products);
    double[] yhat = Readout.predict(states.hidden, parameters.data("out.weight"), parameters.data("out.bias")[0],
        batch.batchSize() * batch.length(), hiddenSize());
    return new LeakyTrajectory(config.architecture(), batch, yhat, states, products);
  }

  /** One leaky gated update (THEORY §2.1) at step t of every sequence, from the given states h_{t-1}. */
  @Override
  public double[] step(SequenceBatch batch, int t, double[] previousState) {
    checkInputs(batch);
    if (t < 0 || t >= batch.length()) {
      throw new IllegalArgumentException("t: step " + t + " is outside [0, " + batch.length() + ")");
    }
    int size = batch.batchSize() * hiddenSize();
    if (previousState.length != size) {
      throw new IllegalArgumentException(
          "previousState: expected B*H = " + size + " values, got " + previousState.length);
    }
    requireFinite(previousState, "previousState", 1, hiddenSize());
    return run(stepOf(batch, t), previousState, Precision.FLOAT64).hidden;
  }

  /** The inputs of step t of every sequence as a batch of length 1. */
  private static SequenceBatch stepOf(SequenceBatch batch, int t) {
    double[] x = new double[batch.batchSize() * batch.inputDim()];
    double[] y = new double[batch.batchSize()];
    Steps.gather(batch.x(), t, batch.batchSize(), batch.length(), batch.inputDim(), x);
    Steps.gather(batch.y(), t, batch.batchSize(), batch.length(), 1, y);
    return new SequenceBatch(x, y, batch.batchSize(), 1, batch.inputDim());
  }

  /**
   * Runs the recurrence (LW-52/54/56 with the candidate of THEORY §2.1) over the batch starting from {@code state}
   * (B×H, left as it is), the step products in {@code products}.
   */
  private LeakyStates run(SequenceBatch batch, double[] state, Precision products) {
    int bs = batch.batchSize();
    int length = batch.length();
    int h = hiddenSize();
    int w = h + gateWidth();
    StackedWeights weights = StackedWeights.of(parameters, gateWidth() > 0);
    // per step one product [h_{t-1} | x_t | 1] · [W_h; U_s | W_x; W_s | b]ᵀ
    StepProduct product = new StepProduct(bs, new double[][] {weights.recurrent()}, new int[] {h}, weights.input(),
        config.inputDim(), weights.inputBias(), w, products);
    product.setBlock(state, 0, h);
    double[] previous = product.rows();
    int k = product.columns();
    LeakyStates states = new LeakyStates(bs, length, h, layerNorm != null);
    CandidateLayerNorm norm = candidateNorm(bs, w);
    double[] pre = new double[bs * w];
    double[] tanhScratch = new double[h];
    int zStride = norm == null ? w : h;
    for (int t = 0; t < length; t++) {
      product.setInputs(batch.x(), t, length);
      product.multiply(pre);
      double[] z = norm == null ? pre : norm.forward(pre, t, states);
      for (int b = 0; b < bs; b++) {
        int row = (b * length + t) * h;
        open(pre, b * w + h, states.opening, row);
        VectorActivations.tanh(z, b * zStride, states.candidate, row, h, tanhScratch);
        for (int q = 0; q < h; q++) {
          double c = states.candidate[row + q];
          double s = states.opening[row + q];
          double next = (1 - s) * previous[b * k + q] + s * c;
          states.hidden[row + q] = next;
          previous[b * k + q] = next;
        }
      }
    }
    return states;
  }

  /**
   * Exact BPTT (LW-2) of the weighted squared error: per step the reverse of the leaky update, the gate
   * ({@link #openBackward}), tanh and LayerNorm, carried back through {@code (1 - s_t) ⊙ ·} and {@code [W_h; U_s]ᵀ};
   * weight gradients as one product over all steps.
   */
  @Override
  public double backward(Trajectory trajectory, ParameterSet gradient, double scale) {
    LeakyStates states = statesOf(trajectory);
    SequenceBatch batch = trajectory.batch();
    requireFinite(batch.y(), "y", batch.length(), 1);
    if (!Double.isFinite(scale)) {
      throw new IllegalArgumentException("scale: must be finite, got " + scale);
    }
    int bs = batch.batchSize();
    int length = batch.length();
    int h = hiddenSize();
    int w = h + gateWidth();
    int rows = bs * length;
    double[] dHidden = new double[rows * h];
    double loss = Readout.backward(
        batch, trajectory.predictions(), states.hidden, parameters, gradient, scale, dHidden, h);
    Precision products = trajectory.products();
    Gemm.Resident recurrent =
        Gemm.resident(StackedWeights.of(parameters, gateWidth() > 0).recurrent(), w, h, false, products);
    CandidateLayerNorm norm = candidateNorm(bs, w);
    double[] gLnWeight = norm == null ? null : gradient.data(layerNorm + ".weight");
    double[] gLnBias = norm == null ? null : gradient.data(layerNorm + ".bias");
    double[] dPre = new double[rows * w];
    double[] block = new double[bs * w];
    double[] carry = new double[bs * h];
    double[] dOpening = new double[bs * h];
    double[] dNormalized = norm == null ? block : new double[bs * h];
    int zStride = norm == null ? w : h;
    for (int t = length - 1; t >= 0; t--) {
      for (int b = 0; b < bs; b++) {
        int row = (b * length + t) * h;
        for (int q = 0; q < h; q++) {
          int i = row + q;
          int k = b * h + q;
          double dh = dHidden[i] + carry[k];
          double s = states.opening[i];
          double c = states.candidate[i];
          double previous = t > 0 ? states.hidden[i - h] : 0.0;
          dOpening[k] = dh * (c - previous);
          dNormalized[b * zStride + q] = dh * s * (1 - c * c);
          carry[k] = (1 - s) * dh;
        }
        openBackward(dOpening, b * h, states.opening, row, block, b * w + h);
      }
      if (norm != null) {
        norm.backward(dNormalized, t, states, block, gLnWeight, gLnBias);
      }
      Steps.scatter(block, t, bs, length, w, dPre);
      if (t > 0) {
        Gemm.multiply(block, recurrent, carry, bs, 1.0);
      }
    }
    double[] gInput = new double[w * batch.inputDim()];
    Gemm.multiply(dPre, true, batch.x(), false, gInput, w, batch.inputDim(), rows, 0.0, products);
    double[] gRecurrent = new double[w * h];
    Gemm.multiply(dPre, true, states.previous(), false, gRecurrent, w, h, rows, 0.0, products);
    new StackedWeights(gInput, columnSums(dPre, rows, w), gRecurrent).addInto(gradient, gateWidth() > 0);
    return loss;
  }

  /**
   * Forward-mode tangent along {@code direction} (THEORY §5.4): TOTAL {@code v_t = J_t v_{t-1} + (∂_θ F_t)[u]},
   * IMMEDIATE {@code v_t = (∂_θ F_t)[u]} with h_{t-1} held fixed; LayerNorm through {@link LayerNorm#tangent}.
   */
  @Override
  public Tangent tangent(Trajectory trajectory, ParameterSet direction, TangentMode mode) {
    LeakyStates states = statesOf(trajectory);
    String bad = direction.firstNonFinite();
    if (bad != null) {
      throw new IllegalArgumentException("direction: tensor '" + bad + "' holds NaN or Inf");
    }
    SequenceBatch batch = trajectory.batch();
    int bs = batch.batchSize();
    int length = batch.length();
    int h = hiddenSize();
    int w = h + gateWidth();
    int rows = bs * length;
    StackedWeights weights = StackedWeights.of(parameters, gateWidth() > 0);
    StackedWeights along = StackedWeights.of(direction, gateWidth() > 0);
    // per step one product [v_{t-1} | h_{t-1} | x_t | 1] · [W_h; U_s | u_{W_h}; u_{U_s} | u_{W_x}; u_{W_s} | u_b]ᵀ:
    // J-part of the total tangent and the explicit term (∂_θ F_t)[u] together; v stays 0 in IMMEDIATE mode
    StepProduct product = new StepProduct(bs, new double[][] {weights.recurrent(), along.recurrent()},
        new int[] {h, h}, along.input(), config.inputDim(), along.inputBias(), w, trajectory.products());
    double[] left = product.rows();
    int k = product.columns();
    CandidateLayerNorm norm = candidateNorm(bs, w);
    double[] dLnWeight = norm == null ? null : direction.data(layerNorm + ".weight");
    double[] dLnBias = norm == null ? null : direction.data(layerNorm + ".bias");
    boolean total = mode == TangentMode.TOTAL;
    double[] out = new double[rows * h];
    double[] block = new double[bs * w];
    double[] dOpening = new double[bs * h];
    int zStride = norm == null ? w : h;
    for (int t = 0; t < length; t++) {
      product.setInputs(batch.x(), t, length);
      if (t > 0) {
        product.setStep(states.hidden, t - 1, length, h, h);
      }
      product.multiply(block);
      double[] dz = norm == null ? block : norm.tangent(block, t, states, dLnWeight, dLnBias);
      for (int b = 0; b < bs; b++) {
        int row = (b * length + t) * h;
        openTangent(block, b * w + h, states.opening, row, dOpening, b * h);
        for (int q = 0; q < h; q++) {
          int i = row + q;
          double s = states.opening[i];
          double c = states.candidate[i];
          double previous = t > 0 ? states.hidden[i - h] : 0.0;
          double value = (1 - s) * left[b * k + q] + s * (1 - c * c) * dz[b * zStride + q]
              + dOpening[b * h + q] * (c - previous);
          out[i] = value;
          if (total) {
            left[b * k + q] = value;
          }
        }
      }
    }
    return new Tangent(out, null);
  }

  /**
   * THEORY §4.1: {@code logRetention = log(1 - s_j)} (clamped) and {@code firstOrderRatio = [B_j]_qq / a_j} with
   * {@code [B_j]_qq = s (1 - h̃²) [W_h]_qq + (h̃ - h_{j-1}) s (1 - s) [U_s]_{g(q)q}} and {@code a_j ≥ 1e-12} in the
   * division; with LayerNorm the same formulas (THEORY §2.1). No readout factor, no reset envelope.
   */
  @Override
  public RetentionTrace retention(Trajectory trajectory, RetentionOptions options) {
    LeakyStates states = statesOf(trajectory);
    int h = hiddenSize();
    int length = states.length;
    double[] wh = parameters.data("Wh.weight");
    double[] gateSelf = gateSelfWeights();
    double[] logRetention = new double[states.hidden.length];
    double[] ratio = new double[states.hidden.length];
    for (int b = 0; b < states.batchSize; b++) {
      for (int t = 0; t < length; t++) {
        int row = (b * length + t) * h;
        for (int q = 0; q < h; q++) {
          int i = row + q;
          double s = states.opening[i];
          double c = states.candidate[i];
          double previous = t > 0 ? states.hidden[i - h] : 0.0;
          double a = 1 - s;
          double diagonal = s * (1 - c * c) * wh[q * h + q] + (c - previous) * s * a * gateSelf[q];
          logRetention[i] = RetentionTrace.clamp(a);
          ratio[i] = diagonal / Math.max(a, RetentionTrace.MIN_RETENTION);
        }
        VectorMath.log(logRetention, row, h);
      }
    }
    return new RetentionTrace(states.batchSize, length, h, logRetention, ratio, null, null);
  }

  /** The per-call LayerNorm of the candidate pre-activation (THEORY §2.1), or null without LayerNorm. */
  private CandidateLayerNorm candidateNorm(int batchSize, int width) {
    if (layerNorm == null) {
      return null;
    }
    return new CandidateLayerNorm(parameters.data(layerNorm + ".weight"), parameters.data(layerNorm + ".bias"),
        batchSize, hiddenSize(), width);
  }

  /** Bias gradients {@code Σ_{b,t} ∂L/∂pre_{b,t}}: the column sums of a rows×width matrix. */
  private static double[] columnSums(double[] matrix, int rows, int width) {
    double[] sums = new double[width];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < width; k++) {
        sums[k] += matrix[r * width + k];
      }
    }
    return sums;
  }

  /** The intermediates of a forward pass of this architecture and shape; rejects any other trajectory. */
  private LeakyStates statesOf(Trajectory trajectory) {
    if (trajectory instanceof LeakyTrajectory leaky
        && leaky.architecture() == config.architecture()
        && leaky.states().hiddenSize == hiddenSize()
        && (leaky.states().normalized != null) == (layerNorm != null)) {
      return leaky.states();
    }
    throw new IllegalArgumentException("trajectory: not a forward pass of a " + config.architecture()
        + " model with H=" + hiddenSize() + (layerNorm != null ? " and LayerNorm" : " without LayerNorm"));
  }

  /** Rejects a batch of the wrong input dimension, NaN/Inf inputs and NaN/Inf parameters, naming the culprit. */
  private void checkInputs(SequenceBatch batch) {
    if (batch.inputDim() != config.inputDim()) {
      throw new IllegalArgumentException(
          "x: input dimension " + batch.inputDim() + " does not match the model's D=" + config.inputDim());
    }
    requireFinite(batch.x(), "x", batch.length(), batch.inputDim());
    String bad = parameters.firstNonFinite();
    if (bad != null) {
      throw new IllegalArgumentException("parameters: tensor '" + bad + "' holds NaN or Inf");
    }
  }

  /** Rejects NaN/Inf in an array laid out {@code [(b*T + t)*width + k]}, naming it and the offending position. */
  private static void requireFinite(double[] values, String name, int length, int width) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        int row = i / width;
        throw new IllegalArgumentException(name + ": " + values[i] + " at sequence " + row / length + ", step "
            + row % length + ", entry " + i % width);
      }
    }
  }
}
