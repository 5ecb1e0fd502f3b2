package io.horizon.core.collapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.GatedRnns;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.random.Rng;
import io.horizon.core.task.MultiLagRegressionTask;
import io.horizon.core.train.OptimizerSpec;
import io.horizon.core.train.Trainer;
import io.horizon.core.train.TrainingConfig;
import io.horizon.core.train.TrainingListener;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Slow-row forcing (THEORY §11.3 item 11): one step changes only the slow units' rows of the recurrent weights
 * relative to the plain optimizer; training with forcing is deterministic and ends elsewhere than without.
 */
class ForcedSlowRowsTest {
  private static final int HIDDEN = 10;
  private static final long SEED = 5;

  @Test
  void oneStepPerturbsOnlyTheSlowUnitsRows() {
    GatedRnn model = GatedRnns.initialize(config(), SEED);
    ParameterSet plain = model.trainable().copy();
    ParameterSet forced = model.trainable().copy();
    ParameterSet grads = plain.zerosLike();
    Rng rng = new Rng(3);
    for (String name : grads.names()) {
      double[] g = grads.data(name);
      for (int i = 0; i < g.length; i++) {
        g[i] = rng.gaussian();
      }
    }
    ForcedSlowRows optimizer = new ForcedSlowRows(OptimizerSpec.adamw(1e-3, 1e-4).create(), SlowModeForcing.defaults(),
        0.2, SEED);
    int[] slow = new SlowUnits(0.2).of(forced.data(SlowUnits.TENSOR));
    assertEquals(2, slow.length);
    OptimizerSpec.adamw(1e-3, 1e-4).create().step(plain, grads);
    optimizer.step(forced, grads);
    for (String name : plain.names()) {
      double[] a = plain.data(name);
      double[] b = forced.data(name);
      for (int i = 0; i < a.length; i++) {
        boolean slowRow = name.equals(SlowUnits.TENSOR) && Arrays.binarySearch(slow, i / HIDDEN) >= 0;
        if (slowRow) {
          assertNotEquals(a[i], b[i], name + "[" + i + "] of a slow row is not forced");
        } else {
          assertEquals(a[i], b[i], 0.0, name + "[" + i + "] changed outside the slow rows");
        }
      }
    }
  }

  @Test
  void trainingWithForcingIsDeterministicAndDiffersFromWithout() {
    UnaryOperator<io.horizon.core.train.Optimizer> forcing =
        inner -> new ForcedSlowRows(inner, SlowModeForcing.defaults(), 0.1, SEED);
    double[] first = train(forcing);
    double[] second = train(forcing);
    double[] plain = train(UnaryOperator.identity());
    assertArrayEquals(first, second, 0.0);
    assertFalse(Arrays.equals(first, plain));
  }

  private static double[] train(UnaryOperator<io.horizon.core.train.Optimizer> updates) {
    GatedRnn model = GatedRnns.initialize(config(), SEED);
    TrainingConfig training = new TrainingConfig(2, 8, 32, OptimizerSpec.adamw(1e-2, 1e-4), 1.0, 2, 2, SEED);
    new Trainer(training, updates).train(model, task(), TrainingListener.NONE);
    return model.parameters().flatten();
  }

  private static ModelConfig config() {
    return new ModelConfig(Architecture.CONST, 2, HIDDEN, false, 0.05);
  }

  private static MultiLagRegressionTask task() {
    return new MultiLagRegressionTask(16, 2, List.of(2, 4), List.of(0.5, 0.3), 0.1, SEED);
  }
}
