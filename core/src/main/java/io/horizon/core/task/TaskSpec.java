package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code task:} part of a run spec: a task name and its typed parameters (THEORY §8.1, §10, §11.4). Names and
 * fields (absent fields take the documented defaults of each parameter record):
 *
 * <ul>
 *   <li>{@code multilag} ({@link MultiLagRegressionTask}): length, inputDim, lags, coefficients, noiseStd, taskSeed
 *   <li>{@code heavy_tail} ({@link HeavyTailRegression}): length, inputDim, lagCount, lagMin, lagMax, lagTailIndex,
 *       lagSeed, coefficientBase, coefficientDecay, noiseStd, taskSeed
 *   <li>{@code adding} ({@link AddingTask}): length, inputDim
 *   <li>{@code recall} ({@link RecallTask}): length, inputDim, markers
 *   <li>{@code sinmix} ({@link SinusoidMixTask}): length, inputDim
 *   <li>{@code short} ({@link WindowedChannelTask}, sum): length, inputDim, window
 *   <li>{@code ar2} ({@link Ar2Task}): length, inputDim, a1, a2, noiseStd
 *   <li>{@code movingavg} ({@link WindowedChannelTask}, mean): length, inputDim, window
 *   <li>{@code delaysum} ({@link DelaySumTask}): length, inputDim, delays
 *   <li>{@code narma10} ({@link Narma10Task}): length, inputDim
 * </ul>
 *
 * <p>{@code narma20} of the THEORY §10 table is not offered: its recursion has no fixed point for u in [0, 0.5]
 * and overflows within about a hundred steps for every input.
 *
 * @param name the task name
 * @param parameters its parameters
 */
public record TaskSpec(String name, TaskParameters parameters) {

  /** Every accepted task name. */
  public static final List<String> NAMES = List.of(MultiLagRegressionTask.NAME, HeavyTailRegression.NAME,
      AddingTask.NAME, RecallTask.NAME, SinusoidMixTask.NAME, WindowedChannelTask.SHORT, Ar2Task.NAME,
      WindowedChannelTask.MOVING_AVERAGE, DelaySumTask.NAME, Narma10Task.NAME);

  public TaskSpec {
    if (parameters == null) {
      throw new IllegalArgumentException("parameters: must be given");
    }
    if (!parameters.name().equals(name)) {
      throw new IllegalArgumentException(
          "name: '" + name + "' does not match the parameters of task '" + parameters.name() + "'");
    }
  }

  /** The spec of a task with the given parameters. */
  public static TaskSpec of(TaskParameters parameters) {
    return new TaskSpec(parameters.name(), parameters);
  }

  /**
   * Reads and validates a spec node such as {@code {name: multilag, lags: [32, 64]}}; every error names the full
   * path of the offending field below {@code path} (for example {@code task.lags[1]}).
   */
  public static TaskSpec fromMap(Map<String, Object> node, String path) {
    SpecNode spec = SpecNode.of(node, path);
    String name = spec.string("name");
    TaskParameters parameters = switch (name) {
      case MultiLagRegressionTask.NAME -> MultiLagRegressionTask.fromSpec(spec);
      case HeavyTailRegression.NAME -> HeavyTailRegression.fromSpec(spec);
      case AddingTask.NAME -> AddingTask.fromSpec(spec);
      case RecallTask.NAME -> RecallTask.fromSpec(spec);
      case SinusoidMixTask.NAME -> SinusoidMixTask.fromSpec(spec);
      case WindowedChannelTask.SHORT -> WindowedChannelTask.fromSpec(WindowedChannelTask.Statistic.SUM, spec);
      case Ar2Task.NAME -> Ar2Task.fromSpec(spec);
      case WindowedChannelTask.MOVING_AVERAGE ->
          WindowedChannelTask.fromSpec(WindowedChannelTask.Statistic.MEAN, spec);
      case DelaySumTask.NAME -> DelaySumTask.fromSpec(spec);
      case Narma10Task.NAME -> Narma10Task.fromSpec(spec);
      default -> throw new IllegalArgumentException(
          spec.path("name") + ": unknown task '" + name + "' (expected one of " + String.join(", ", NAMES) + ")");
    };
    return new TaskSpec(name, parameters);
  }

  /** The spec as a map: {@code name} first, then every parameter; {@link #fromMap} of it gives an equal spec. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.putAll(parameters.toMap());
    return m;
  }

  /** The task generator. */
  public Task create() {
    return parameters.create();
  }

  /** Sequence length T. */
  public int length() {
    return parameters.length();
  }

  /** Input channels D (the model's input dimension). */
  public int inputDim() {
    return parameters.inputDim();
  }
}
