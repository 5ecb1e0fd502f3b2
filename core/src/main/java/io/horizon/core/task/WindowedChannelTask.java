package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.random.Rng;
import java.util.Map;

/**
 * The last-step tasks on a window of channel 0 (THEORY §10 table): channel 0 holds U(0,1) draws, the other channels
 * are zero, and the target at the last step is the sum ({@code short}, S1 only) or the mean ({@code movingavg}) of
 * the last {@code window} values of channel 0.
 *
 * @param statistic what the target takes of the window, which also names the task
 * @param length sequence length T
 * @param inputDim channels D
 * @param window L (short) or W (movingavg), at most T
 */
public record WindowedChannelTask(Statistic statistic, int length, int inputDim, int window)
    implements LastStepTask {

  /** Spec name of the sum task. */
  public static final String SHORT = "short";
  /** Spec name of the mean task. */
  public static final String MOVING_AVERAGE = "movingavg";

  /** The target's statistic of the window, with the spec name and default sizes of its task. */
  public enum Statistic {
    /** {@code short}: the sum; defaults of THEORY §10.2 S1, T 80, D 4, L 6. */
    SUM(SHORT, 80, 4, 6),
    /** {@code movingavg}: the mean; defaults of THEORY §10.3 S2, T 120, D 6, W 8. */
    MEAN(MOVING_AVERAGE, 120, 6, 8);

    /** Spec name of the task. */
    public final String taskName;
    private final int length;
    private final int inputDim;
    private final int window;

    Statistic(String taskName, int length, int inputDim, int window) {
      this.taskName = taskName;
      this.length = length;
      this.inputDim = inputDim;
      this.window = window;
    }
  }

  public WindowedChannelTask {
    SequenceGeneration.requirePositive("length", length);
    SequenceGeneration.requirePositive("inputDim", inputDim);
    SequenceGeneration.requireWindow("window", window, length);
  }

  /** The task of {@code statistic} at its THEORY default sizes. */
  public static WindowedChannelTask defaults(Statistic statistic) {
    return new WindowedChannelTask(statistic, statistic.length, statistic.inputDim, statistic.window);
  }

  /** Reads the spec fields of the task of {@code statistic} (absent fields take the defaults). */
  static WindowedChannelTask fromSpec(Statistic statistic, SpecNode node) {
    int length = node.integer("length", statistic.length);
    int inputDim = node.integer("inputDim", statistic.inputDim);
    int window = node.integer("window", statistic.window);
    node.rejectUnread();
    return node.build(() -> new WindowedChannelTask(statistic, length, inputDim, window));
  }

  @Override
  public String name() {
    return statistic.taskName;
  }

  @Override
  public Map<String, Object> extraFields() {
    return Map.of("window", window);
  }

  @Override
  public double fillSequence(Rng rng, float[] x, int offset) {
    SequenceGeneration.fillFirstChannel(rng, x, offset, length, inputDim, 1.0);
    double sum = SequenceGeneration.lastValuesSum(x, offset, length, inputDim, window);
    return statistic == Statistic.MEAN ? sum / window : sum;
  }
}
