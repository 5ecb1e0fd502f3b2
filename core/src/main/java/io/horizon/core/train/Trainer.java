package io.horizon.core.train;

import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;
import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceDataset;
import io.horizon.core.task.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The training loop (THEORY §8.2 "Training details"; §8.3 with SGD): the training set is generated once from
 * {@code Rng.derive(seed, "train")} and the validation set once from {@code Rng.derive(seed, "validation")}; each
 * epoch visits the training set in a seeded shuffled order in mini-batches, then measures loss and R².
 *
 * <p>Shards of a mini-batch run concurrently, so the model's {@code forward} and {@code backward} must be safe
 * to call from several threads at once while its parameters are not being written (each call keeps its own
 * intermediates).
 */
public final class Trainer {
  private final TrainingConfig config;
  private final UnaryOperator<Optimizer> updates;

  public Trainer(TrainingConfig config) {
    this(config, UnaryOperator.identity());
  }

  /** A trainer whose optimizer is wrapped by {@code updates} (e.g. forcing of some updates, THEORY §11.3 item 11). */
  public Trainer(TrainingConfig config, UnaryOperator<Optimizer> updates) {
    this.config = config;
    this.updates = updates;
  }

  /**
   * Trains {@code model} in place on {@code task} and returns the metrics of every epoch. Throws
   * {@link TrainingDivergedException} on NaN/Inf and {@link IllegalArgumentException} when the task does not fit
   * the model.
   */
  public List<EpochMetrics> train(GatedRnn model, Task task, TrainingListener listener) {
    return trainFrom(model, task, null, listener);
  }

  /**
   * Continues a run from {@code state} (saved after a checkpoint, {@link TrainingListener#checkpointState}): loads
   * its parameters into {@code model} (the run's model, of the same layout) and its optimizer state, then trains
   * epochs {@code state.epoch()+1 …} exactly as the uninterrupted run would, and returns their metrics.
   */
  public List<EpochMetrics> resume(GatedRnn model, Task task, TrainingState state, TrainingListener listener) {
    if (state.epoch() > config.epochs()) {
      throw new IllegalArgumentException(
          "state.epoch: must be at most the run's epochs (" + config.epochs() + "), got " + state.epoch());
    }
    return trainFrom(model, task, state, listener);
  }

  private List<EpochMetrics> trainFrom(GatedRnn model, Task task, TrainingState state, TrainingListener listener) {
    if (task.inputDim() != model.config().inputDim()) {
      throw new IllegalArgumentException("task '" + task.name() + "': input dimension " + task.inputDim()
          + " does not match the model's inputDim " + model.config().inputDim());
    }
    SequenceDataset train = generate(task, config.trainSequences(), "train");
    SequenceDataset validation = generate(task, config.validationSequences(), "validation");
    EvaluationSet trainFit =
        new EvaluationSet(train, config.trainFitSequences(), config.batchSize(), "training set of " + task.name());
    EvaluationSet validationFit = new EvaluationSet(
        validation, validation.count(), config.batchSize(), "validation set of " + task.name());
    int batches = (config.trainSequences() + config.batchSize() - 1) / config.batchSize();
    List<EpochMetrics> history = new ArrayList<>();
    Optimizer optimizer = updates.apply(config.optimizer().create());
    int first = 1;
    if (state != null) {
      restoreParameters(model.parameters(), state.parameters());
      optimizer.restore(state.optimizer());
      first = state.epoch() + 1;
    }
    try (ShardedPass pass = new ShardedPass(config.shards())) {
      MinibatchStep step = new MinibatchStep(model, train, pass, optimizer, config.clipNorm(), config.products());
      for (int epoch = first; epoch <= config.epochs(); epoch++) {
        long start = System.nanoTime();
        int[] order = EpochShuffle.order(config.seed(), epoch, config.trainSequences());
        double lossSum = 0;
        for (int batch = 1; batch <= batches; batch++) {
          int from = (batch - 1) * config.batchSize();
          int[] indices = Arrays.copyOfRange(order, from, Math.min(order.length, from + config.batchSize()));
          lossSum += step.run(indices, epoch, batch);
          listener.batchFinished(epoch, batch, batches);
        }
        double trainingSeconds = (System.nanoTime() - start) * 1e-9;
        EvaluationSet.Fit onTrain = trainFit.evaluate(model, pass, config.products());
        EvaluationSet.Fit onValidation = validationFit.evaluate(model, pass, config.products());
        requireFinite(epoch, "training R²", onTrain.r2());
        requireFinite(epoch, "validation loss", onValidation.loss());
        double sequenceSteps = (double) config.trainSequences() * train.length();
        EpochMetrics metrics = new EpochMetrics(epoch, lossSum / batches, onTrain.r2(), onValidation.loss(),
            onValidation.r2(), (System.nanoTime() - start) * 1e-9, sequenceSteps / trainingSeconds);
        history.add(metrics);
        listener.epochFinished(metrics);
        if (config.checkpointDue(epoch)) {
          listener.checkpointDue(epoch, metrics, model);
          listener.checkpointState(new TrainingState(epoch, model.parameters().copy(), optimizer.state()));
        }
      }
    }
    return history;
  }

  /** Overwrites {@code target} with {@code saved}: the same tensor names and shapes, finite values. */
  private static void restoreParameters(ParameterSet target, ParameterSet saved) {
    if (!target.names().equals(saved.names())) {
      throw new IllegalArgumentException("state.parameters: tensors " + saved.names()
          + " do not match the model's " + target.names());
    }
    String bad = saved.firstNonFinite();
    if (bad != null) {
      throw new IllegalArgumentException("state.parameters: tensor '" + bad + "' holds NaN or Inf");
    }
    for (Tensor t : target.tensors()) {
      Tensor from = saved.get(t.name());
      if (!Arrays.equals(t.shape(), from.shape())) {
        throw new IllegalArgumentException("state.parameters: tensor '" + t.name() + "' has shape "
            + Arrays.toString(from.shape()) + ", the model's has " + Arrays.toString(t.shape()));
      }
      System.arraycopy(from.data(), 0, t.data(), 0, t.size());
    }
  }

  private SequenceDataset generate(Task task, int count, String purpose) {
    SequenceDataset data = task.generate(count, Rng.derive(config.seed(), purpose));
    if (data.count() != count || data.inputDim() != task.inputDim() || data.length() != task.length()) {
      throw new IllegalArgumentException("task '" + task.name() + "': " + purpose + " set has shape [" + data.count()
          + "," + data.length() + "," + data.inputDim() + "], expected [" + count + "," + task.length() + ","
          + task.inputDim() + "]");
    }
    return data;
  }

  private static void requireFinite(int epoch, String what, double value) {
    if (!Double.isFinite(value)) {
      throw new TrainingDivergedException("training diverged at epoch " + epoch + ": " + what + " is " + value);
    }
  }
}
