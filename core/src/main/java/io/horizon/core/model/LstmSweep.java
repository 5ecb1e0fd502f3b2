package io.horizon.core.model;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * The LSTM's diagnostic trace in one sweep over time (THEORY §4.2, §5.4): forward step, tangent step and retention
 * row advance together on the step's blocks, and only what the μ kernels read is kept — predictions, v_t and the
 * retention trace, not the gates and cells of every step. Same steps, same numbers as
 * {@link Lstm#forward}, {@link LstmTangent#tangent} and {@link LstmRetention#trace(LstmTrajectory)}.
 */
final class LstmSweep {
  private LstmSweep() {}

  /**
   * The trace of {@code batch} for the packed model {@code w} with readout {@code (outWeight, outBias)}, the forward
   * and tangent step products in {@code products}.
   */
  static DiagnosticTrace trace(LstmWeights w, double[] outWeight, double outBias, SequenceBatch batch, LstmWeights u,
      TangentMode mode, Precision products) {
    int n = batch.batchSize();
    int length = batch.length();
    int h = w.hiddenSize();
    LstmSteps forward = new LstmSteps(w, batch, products);
    LstmTangent tangent = new LstmTangent(w, u, n);
    StepProduct tangentProduct = tangent.stepProduct(products);
    LstmRetention retention = new LstmRetention(w, n, length);
    double[] previousCell = new double[n * h];
    double[] v = new double[n * length * h];
    double[] predictions = new double[n * length];
    boolean total = mode == TangentMode.TOTAL;
    for (int t = 0; t < length; t++) {
      tangentProduct.setInputs(batch.x(), t, length);
      if (t > 0) {
        tangentProduct.setBlock(forward.hidden, h, h);
        if (total) {
          tangentProduct.setBlock(tangent.hidden, 0, h);
        }
        System.arraycopy(forward.cell, 0, previousCell, 0, n * h);
      }
      tangentProduct.multiply(tangent.preActivation);
      forward.advance(t);
      tangent.step(forward.gates, previousCell, forward.tanhCell, forward.normalized, forward.inverseStd,
          total && t > 0);
      retention.step(t, forward.gates, previousCell, forward.tanhCell);
      for (int b = 0; b < n; b++) {
        predictions[b * length + t] = Readout.predict(forward.hidden, b * h, outWeight, outBias, h);
      }
      Steps.scatter(tangent.hidden, t, n, length, h, v);
    }
    return new DiagnosticTrace(predictions, v, retention.trace());
  }
}
