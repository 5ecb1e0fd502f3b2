package io.horizon.core.task;

import java.util.Map;

/**
 * The typed parameters of one task kind, as they appear in a run spec under {@code task:} (THEORY §8.1, §10,
 * §11.4). Each implementation validates itself in its constructor with messages that start with the field name.
 */
public sealed interface TaskParameters
    permits MultiLagRegressionTask, HeavyTailRegression, LastStepTask {
  /** The task name used in specs. */
  String name();

  /** Sequence length T. */
  int length();

  /** Input channels D. */
  int inputDim();

  /** The task these parameters describe. */
  Task create();

  /** The parameters as spec fields (every field, defaults included; the name is not part of the map). */
  Map<String, Object> toMap();
}
