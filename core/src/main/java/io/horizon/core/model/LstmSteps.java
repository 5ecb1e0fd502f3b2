package io.horizon.core.model;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * The LSTM recurrence over a batch one step at a time (LW-4 … LW-8): per step one product
 * {@code [h_{t−1} | x_t | 1] · [U | W | b]ᵀ} for the whole batch, then the cell update. Holds the current step's
 * blocks, one row per sequence; from h_{−1} = c_{−1} = 0 unless {@link #startFromState} says otherwise. One
 * instance per call and thread.
 */
final class LstmSteps {
  private final SequenceBatch batch;
  private final int units;
  private final StepProduct product;
  private final LstmCell update;
  /** Activations i, f, o, g of the step, {@code [b*4H + k]} packed as in {@link LstmWeights}. */
  final double[] gates;
  /** c_t, {@code [b*H + q]}. */
  final double[] cell;
  /** tanh c_t. */
  final double[] tanhCell;
  /** h_t. */
  final double[] hidden;
  /** LayerNorm's normalised candidate pre-activation, null without LayerNorm. */
  final double[] normalized;
  /** LayerNorm's 1/σ per row, null without LayerNorm. */
  final double[] inverseStd;

  /** Blocks for {@code batch} under {@code weights}, the step products in {@code products}. */
  LstmSteps(LstmWeights weights, SequenceBatch batch, Precision products) {
    int n = batch.batchSize();
    this.batch = batch;
    this.units = weights.hiddenSize();
    this.product = weights.stepProduct(n, products);
    this.update = new LstmCell(weights, n);
    this.gates = new double[n * 4 * units];
    this.cell = new double[n * units];
    this.tanhCell = new double[n * units];
    this.hidden = new double[n * units];
    boolean ln = weights.normWeight() != null;
    this.normalized = ln ? new double[n * units] : null;
    this.inverseStd = ln ? new double[n] : null;
  }

  /**
   * Takes h and c as written into {@link #hidden} and {@link #cell} as the state before the next step (instead of
   * the zero state): for a single step from any state.
   */
  void startFromState() {
    product.setBlock(hidden, 0, units);
  }

  /** From the state after step t−1 to the state after step t. */
  void advance(int t) {
    product.setInputs(batch.x(), t, batch.length());
    product.multiply(gates);
    update.update(gates, cell, tanhCell, hidden, normalized, inverseStd);
    product.setBlock(hidden, 0, units);
  }
}
