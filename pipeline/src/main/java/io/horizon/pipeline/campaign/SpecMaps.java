package io.horizon.pipeline.campaign;

import io.horizon.proto.v1.OptimizerSpec;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.TaskSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the horizon.v1 run messages to and from the plain maps of a core run file (docs/run-spec.md), so that
 * core's readers validate and complete every run. Fields without presence that hold 0 (or are empty) are left out
 * of the maps, so that they take core's defaults.
 */
final class SpecMaps {
  /** Task fields that have a typed proto field; every other task field travels in {@code extra}. */
  static final List<String> TYPED_TASK_FIELDS =
      List.of("name", "length", "inputDim", "lags", "coefficients", "noiseStd", "taskSeed", "delays");

  private SpecMaps() {}

  /** The core run-file map of one cell; {@code path} names the run in errors about its task's extra entries. */
  static Map<String, Object> coreRun(RunSpec run, String path) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!run.getRunId().isEmpty()) {
      m.put("name", run.getRunId());
    }
    m.put("seed", run.getSeed());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("architecture", run.getArchitecture());
    putNonZero(model, "hidden", run.getHiddenSize());
    model.put("layerNorm", run.getLayerNorm());
    putNonZero(model, "constS", run.getConstS());
    m.put("model", model);
    if (run.hasTask()) {
      m.put("task", task(run.getTask(), path + ".task"));
    }
    Map<String, Object> training = new LinkedHashMap<>();
    putNonZero(training, "epochs", run.getEpochs());
    putNonZero(training, "batchSize", run.getBatchSize());
    putNonZero(training, "trainSequences", run.getTrainSequences());
    if (run.hasClipNorm()) {
      training.put("clipNorm", run.getClipNorm());
    }
    putNonZero(training, "checkpointEvery", run.getCheckpointEvery());
    if (!run.getProducts().isEmpty()) {
      training.put("products", run.getProducts());
    }
    if (run.hasOptimizer()) {
      training.put("optimizer", optimizer(run.getOptimizer()));
    }
    m.put("training", training);
    return m;
  }

  /** The core task map of a proto task: its typed fields, then its {@code extra} entries. */
  static Map<String, Object> task(TaskSpec task, String path) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!task.getName().isEmpty()) {
      m.put("name", task.getName());
    }
    putNonZero(m, "length", task.getLength());
    putNonZero(m, "inputDim", task.getInputDim());
    putNonEmpty(m, "lags", task.getLagsList());
    putNonEmpty(m, "coefficients", task.getCoefficientsList());
    if (task.hasNoiseStd()) {
      m.put("noiseStd", task.getNoiseStd());
    }
    putNonZero(m, "taskSeed", task.getTaskSeed());
    putNonEmpty(m, "delays", task.getDelaysList());
    task.getExtraMap().forEach((key, value) -> {
      if (TYPED_TASK_FIELDS.contains(key)) {
        throw new IllegalArgumentException(
            path + ".extra." + key + ": " + key + " has its own field, give it there instead");
      }
      m.put(key, value);
    });
    return m;
  }

  /** The proto task of a validated core task (every field explicit). */
  static TaskSpec task(io.horizon.core.task.TaskSpec task) {
    TaskSpec.Builder b = TaskSpec.newBuilder();
    task.toMap().forEach((key, value) -> {
      switch (key) {
        case "name" -> b.setName((String) value);
        case "length" -> b.setLength(((Number) value).intValue());
        case "inputDim" -> b.setInputDim(((Number) value).intValue());
        case "lags" -> ((List<?>) value).forEach(v -> b.addLags(((Number) v).intValue()));
        case "coefficients" -> ((List<?>) value).forEach(v -> b.addCoefficients(((Number) v).doubleValue()));
        case "noiseStd" -> b.setNoiseStd(((Number) value).doubleValue());
        case "taskSeed" -> b.setTaskSeed(((Number) value).longValue());
        case "delays" -> ((List<?>) value).forEach(v -> b.addDelays(((Number) v).intValue()));
        default -> b.putExtra(key, ((Number) value).doubleValue());
      }
    });
    return b.build();
  }

  /** The core optimizer map of a proto optimizer. */
  static Map<String, Object> optimizer(OptimizerSpec optimizer) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!optimizer.getKind().isEmpty()) {
      m.put("kind", optimizer.getKind());
    }
    putNonZero(m, "lr", optimizer.getLr());
    if (optimizer.hasWeightDecay()) {
      m.put("weightDecay", optimizer.getWeightDecay());
    }
    putNonZero(m, "momentum", optimizer.getMomentum());
    return m;
  }

  /** The proto optimizer of a validated core optimizer (every field explicit). */
  static OptimizerSpec optimizer(io.horizon.core.train.OptimizerSpec optimizer) {
    return OptimizerSpec.newBuilder().setKind(optimizer.kind().id()).setLr(optimizer.lr())
        .setWeightDecay(optimizer.weightDecay()).setMomentum(optimizer.momentum()).build();
  }

  private static void putNonZero(Map<String, Object> m, String key, Number value) {
    if (value.doubleValue() != 0) {
      m.put(key, value);
    }
  }

  private static void putNonEmpty(Map<String, Object> m, String key, List<?> values) {
    if (!values.isEmpty()) {
      m.put(key, values);
    }
  }
}
