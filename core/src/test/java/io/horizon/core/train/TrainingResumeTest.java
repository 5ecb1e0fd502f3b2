package io.horizon.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.GatedRnns;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Resuming from a checkpoint's {@link TrainingState} (THEORY §8.2 loop, §8.2–8.3 optimizers): four epochs in one go
 * and two epochs, a state, a new model and a new {@link Trainer}, two more epochs end in bit-identical parameters
 * and per-epoch metrics, for every optimizer; the state is a copy, and states that do not fit are rejected naming
 * the field.
 */
class TrainingResumeTest {
  private static final long SEED = 11;
  private static final int HIDDEN = 4;
  private static final int EPOCHS = 4;

  private static TrainingConfig config(int epochs, OptimizerSpec optimizer) {
    return new TrainingConfig(epochs, 8, 32, optimizer, 1.0, 2, 2, SEED);
  }

  private static GatedRnn model(Architecture architecture) {
    return GatedRnns.initialize(new ModelConfig(architecture, ShortLagRegressionTask.DIM, HIDDEN, false, 0.05), SEED);
  }

  /** Records the metrics of every epoch and the state of every checkpoint. */
  private static final class Recorder implements TrainingListener {
    final List<TrainingState> states = new ArrayList<>();
    final List<Double> losses = new ArrayList<>();

    @Override
    public void epochFinished(EpochMetrics metrics) {
      losses.add(metrics.trainLoss());
      losses.add(metrics.validationR2());
    }

    @Override
    public void checkpointState(TrainingState state) {
      states.add(state);
    }
  }

  private static void resumesBitForBit(Architecture architecture, OptimizerSpec optimizer) {
    GatedRnn straight = model(architecture);
    Recorder whole = new Recorder();
    new Trainer(config(EPOCHS, optimizer)).train(straight, new ShortLagRegressionTask(SEED), whole);
    assertEquals(List.of(2, 4), whole.states.stream().map(TrainingState::epoch).toList(), "states at checkpoints");

    TrainingState afterTwo = whole.states.get(0);
    GatedRnn resumed = model(architecture);
    Recorder rest = new Recorder();
    new Trainer(config(EPOCHS, optimizer)).resume(resumed, new ShortLagRegressionTask(SEED), afterTwo, rest);

    String what = architecture + " " + optimizer.kind();
    assertArrayEquals(straight.parameters().flatten(), resumed.parameters().flatten(), 0.0, what + ": parameters");
    assertEquals(whole.losses.subList(4, 8), rest.losses, what + ": loss and R² of epochs 3 and 4");
    assertEquals(whole.states.get(1).optimizer().steps(), rest.states.get(0).optimizer().steps(), what + ": steps");
    Tensor saved = afterTwo.parameters().tensors().get(0);
    assertTrue(!Arrays.equals(saved.data(), straight.parameters().data(saved.name())),
        what + ": the state is a copy that epochs 3–4 leave alone");
  }

  @Test
  void adamwGruResumesBitForBit() {
    resumesBitForBit(Architecture.GRU, OptimizerSpec.adamw(2e-2, 1e-4));
  }

  @Test
  void sgdMomentumLstmResumesBitForBit() {
    resumesBitForBit(Architecture.LSTM, OptimizerSpec.sgdMomentum(5e-2, 1e-4, OptimizerSpec.DEFAULT_MOMENTUM));
  }

  @Test
  void plainSgdDiagGateResumesBitForBit() {
    resumesBitForBit(Architecture.DIAG, OptimizerSpec.sgd(5e-2, 0));
  }

  @Test
  void statesThatDoNotFitAreRejectedNamingTheField() {
    TrainingConfig adamw = config(2, OptimizerSpec.adamw(2e-2, 0));
    Recorder gru = new Recorder();
    new Trainer(adamw).train(model(Architecture.GRU), new ShortLagRegressionTask(SEED), gru);
    TrainingState state = gru.states.get(0);

    IllegalArgumentException wrongModel = assertThrows(IllegalArgumentException.class, () ->
        new Trainer(adamw).resume(model(Architecture.LSTM), new ShortLagRegressionTask(SEED), state,
            TrainingListener.NONE));
    assertTrue(wrongModel.getMessage().startsWith("state.parameters: "), wrongModel.getMessage());

    TrainingState tooLate = new TrainingState(3, state.parameters(), state.optimizer());
    IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () ->
        new Trainer(adamw).resume(model(Architecture.GRU), new ShortLagRegressionTask(SEED), tooLate,
            TrainingListener.NONE));
    assertTrue(late.getMessage().startsWith("state.epoch: "), late.getMessage());

    IllegalArgumentException wrongOptimizer = assertThrows(IllegalArgumentException.class, () ->
        new Trainer(config(2, OptimizerSpec.sgdMomentum(0.1, 0, OptimizerSpec.DEFAULT_MOMENTUM)))
            .resume(model(Architecture.GRU), new ShortLagRegressionTask(SEED), state, TrainingListener.NONE));
    assertTrue(wrongOptimizer.getMessage().startsWith("optimizer.buffers: unknown role"), wrongOptimizer.getMessage());

    assertThrows(IllegalArgumentException.class, () -> new OptimizerState(-1, Map.of()));
  }
}
