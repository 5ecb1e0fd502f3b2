package io.horizon.core.train;

import io.horizon.core.linalg.Precision;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Readout;
import io.horizon.core.model.RetentionOptions;
import io.horizon.core.model.RetentionTrace;
import io.horizon.core.model.Tangent;
import io.horizon.core.model.TangentMode;
import io.horizon.core.model.Tensor;
import io.horizon.core.model.Trajectory;
import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only {@link GatedRnn} without recurrence: the readout of THEORY §2.1 applied to the input,
 * {@code ŷ_{b,t} = w·x_{b,t} + c}, trained through the shared {@link Readout} with x in place of the hidden
 * state. It records the first input of every sequence it back-propagates (the sequence identifier of
 * {@link IdentifiedRegressionTask}) and can poison one backward call.
 */
final class LinearReadoutDouble implements GatedRnn {
  private final ModelConfig config;
  private final ParameterSet parameters;
  private final List<Integer> trainedIds = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger backwardCalls = new AtomicInteger();
  private final int poisonedCall;

  /**
   * Weights drawn from N(0, 0.1²) with {@code seed}, bias 0; backward call number {@code poisonedCall} (1-based,
   * 0 = none) writes NaN into the bias gradient.
   */
  LinearReadoutDouble(int inputDim, long seed, int poisonedCall) {
    this.config = new ModelConfig(Architecture.CONST, inputDim, inputDim, false, ModelConfig.DEFAULT_CONST_S);
    this.poisonedCall = poisonedCall;
    Rng rng = new Rng(seed);
    double[] w = new double[inputDim];
    for (int i = 0; i < inputDim; i++) {
      w[i] = 0.1 * rng.gaussian();
    }
    this.parameters = new ParameterSet(List.of(
        new Tensor("out.weight", new int[] {1, inputDim}, w), Tensor.zeros("out.bias", 1)));
  }

  /** Identifiers of the sequences back-propagated so far, in call order (per call in sequence order). */
  List<Integer> trainedIds() {
    return trainedIds;
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  @Override
  public ParameterSet parameters() {
    return parameters;
  }

  @Override
  public ParameterSet trainable() {
    return parameters;
  }

  private record Forward(SequenceBatch batch, double[] predictions, double[] hidden, Precision products)
      implements Trajectory {}

  @Override
  public Trajectory forward(SequenceBatch batch, Precision products) {
    int rows = batch.batchSize() * batch.length();
    double[] predictions = Readout.predict(batch.x(), parameters.data("out.weight"),
        parameters.data("out.bias")[0], rows, batch.inputDim());
    return new Forward(batch, predictions, batch.x(), products);
  }

  @Override
  public double backward(Trajectory trajectory, ParameterSet gradient, double scale) {
    SequenceBatch batch = trajectory.batch();
    int stride = batch.length() * batch.inputDim();
    List<Integer> ids = new ArrayList<>();
    for (int b = 0; b < batch.batchSize(); b++) {
      ids.add((int) batch.x()[b * stride]);
    }
    trainedIds.addAll(ids);
    double loss = Readout.backward(batch, trajectory.predictions(), batch.x(), parameters, gradient, scale,
        new double[batch.x().length], batch.inputDim());
    if (backwardCalls.incrementAndGet() == poisonedCall) {
      gradient.data("out.bias")[0] = Double.NaN;
    }
    return loss;
  }

  @Override
  public Tangent tangent(Trajectory trajectory, ParameterSet direction, TangentMode mode) {
    throw new UnsupportedOperationException("not needed by the training loop");
  }

  @Override
  public double[] step(SequenceBatch batch, int t, double[] previousState) {
    throw new UnsupportedOperationException("not needed by the training loop");
  }

  @Override
  public RetentionTrace retention(Trajectory trajectory, RetentionOptions options) {
    throw new UnsupportedOperationException("not needed by the training loop");
  }
}
