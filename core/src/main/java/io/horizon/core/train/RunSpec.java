package io.horizon.core.train;

import io.horizon.core.io.CodeVersion;
import io.horizon.core.io.Provenance;
import io.horizon.core.io.SpecNode;
import io.horizon.core.linalg.Precision;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.GatedRnns;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.random.Rng;
import io.horizon.core.task.Task;
import io.horizon.core.task.TaskSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training run as written in a run file (THEORY §8.2): the model, the task, the optimizer, the training loop
 * and the root seed from which every random stream of the run is derived. Every field is documented in
 * {@code docs/run-spec.md}; {@link #fromMap} rejects unknown fields and bad values naming their full path.
 *
 * @param name a label for the run (used in file names and provenance)
 * @param seed root seed: model initialisation, training data, validation data and shuffles
 * @param model architecture, hidden size, LayerNorm and {@code const_s}
 * @param task the task the model is trained on
 * @param training epochs, batch, optimizer, clipping, checkpoint cadence and shards
 */
public record RunSpec(String name, long seed, ModelConfig model, TaskSpec task, TrainingConfig training) {

  /** Hidden size of the README "full paper run" profile (THEORY §8.2). */
  public static final int DEFAULT_HIDDEN = 128;

  /** Reads a run file parsed into maps; {@code path} prefixes every error (for example the file name). */
  public static RunSpec fromMap(Map<String, Object> root, String path) {
    SpecNode node = SpecNode.of(root, path);
    String name = node.has("name") ? node.string("name") : "run";
    long seed = node.longInteger("seed", 0);
    TaskSpec task = TaskSpec.fromMap(node.object("task", Map.of("name", "multilag")), node.path("task"));
    Task created = task.create();
    if (!node.has("model")) {
      throw new IllegalArgumentException(node.path("model") + ": required field is missing");
    }
    ModelConfig model = model(SpecNode.of(node.object("model", null), node.path("model")), created.inputDim());
    TrainingConfig training =
        training(SpecNode.of(node.object("training", Map.of()), node.path("training")), seed);
    node.rejectUnread();
    return new RunSpec(name, seed, model, task, training);
  }

  private static ModelConfig model(SpecNode node, int inputDim) {
    Architecture architecture = architecture(node);
    int hidden = node.integer("hidden", DEFAULT_HIDDEN);
    boolean layerNorm = node.bool("layerNorm", false);
    double constS = node.real("constS", ModelConfig.DEFAULT_CONST_S);
    node.rejectUnread();
    return node.build(() -> new ModelConfig(architecture, inputDim, hidden, layerNorm, constS));
  }

  private static Architecture architecture(SpecNode node) {
    String id = node.string("architecture");
    try {
      return Architecture.parse(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(node.path("architecture") + ": " + e.getMessage(), e);
    }
  }

  private static TrainingConfig training(SpecNode node, long seed) {
    int epochs = node.integer("epochs", 10);
    int batchSize = node.integer("batchSize", 32);
    int trainSequences = node.integer("trainSequences", 1024);
    double clipNorm = node.real("clipNorm", 1.0);
    int checkpointEvery = node.integer("checkpointEvery", 1);
    int shards = node.integer("shards", TrainingConfig.DEFAULT_SHARDS);
    Precision products =
        node.has("products") ? Precision.parse(node.string("products"), node.path("products")) : Precision.FLOAT64;
    OptimizerSpec optimizer = optimizer(SpecNode.of(node.object("optimizer", Map.of()), node.path("optimizer")));
    node.rejectUnread();
    return node.build(() -> new TrainingConfig(
        epochs, batchSize, trainSequences, optimizer, clipNorm, checkpointEvery, shards, seed, products));
  }

  private static OptimizerSpec optimizer(SpecNode node) {
    String kindName = node.has("kind") ? node.string("kind") : OptimizerSpec.Kind.ADAMW.id();
    OptimizerSpec.Kind kind;
    try {
      kind = OptimizerSpec.Kind.parse(kindName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(node.path("kind") + ": " + e.getMessage(), e);
    }
    double lr = node.real("lr", 1e-3);
    double weightDecay = node.real("weightDecay", kind == OptimizerSpec.Kind.ADAMW ? 1e-4 : 0);
    double momentum =
        node.real("momentum", kind == OptimizerSpec.Kind.SGD_MOMENTUM ? OptimizerSpec.DEFAULT_MOMENTUM : 0);
    node.rejectUnread();
    return node.build(() -> new OptimizerSpec(kind, lr, weightDecay, momentum));
  }

  /** A freshly initialised model of this run (THEORY §8.2 initialisation, seeded by the root seed). */
  public GatedRnn initialModel() {
    return GatedRnns.initialize(model, seed);
  }

  /** Seed of the run's independent diagnostic set (THEORY §7: fresh sequences, fresh random stream). */
  public long diagnosticSeed() {
    return Rng.derive(seed, "diagnostic");
  }

  /** Provenance of this run's checkpoint after {@code epoch} with that epoch's metrics (root seed, code version). */
  public Provenance provenance(int epoch, EpochMetrics m) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("trainLoss", m.trainLoss());
    values.put("trainR2", m.trainR2());
    values.put("validationLoss", m.validationLoss());
    values.put("validationR2", m.validationR2());
    return new Provenance(model.architecture(), toMap(), Map.of("root", seed), CodeVersion.current(), epoch, values);
  }

  /** The spec as plain maps (for provenance); {@link #fromMap} of it gives an equal spec. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("seed", seed);
    m.put("model", Map.of("architecture", model.architecture().id(), "hidden", model.hiddenSize(),
        "layerNorm", model.layerNorm(), "constS", model.constS()));
    m.put("task", task.toMap());
    OptimizerSpec o = training.optimizer();
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("epochs", training.epochs());
    t.put("batchSize", training.batchSize());
    t.put("trainSequences", training.trainSequences());
    t.put("clipNorm", training.clipNorm());
    t.put("checkpointEvery", training.checkpointEvery());
    t.put("shards", training.shards());
    t.put("products", training.products().label());
    t.put("optimizer", Map.of("kind", o.kind().id(), "lr", o.lr(), "weightDecay", o.weightDecay(),
        "momentum", o.momentum()));
    m.put("training", t);
    return m;
  }
}
