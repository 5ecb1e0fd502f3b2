package io.horizon.pipeline.campaign;

import io.horizon.core.collapse.ForcedSlowRows;
import io.horizon.core.io.ProjectionDirection;
import io.horizon.core.kernel.KernelOptions;
import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.learnability.LearnabilityOptions;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.stable.StableMethod;
import io.horizon.core.task.SequenceDataset;
import io.horizon.core.train.Optimizer;
import io.horizon.core.train.TrainingConfig;
import io.horizon.proto.v1.RunSpec;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * How one run of a campaign is trained and diagnosed: the single translation of a proto {@link RunSpec} into core
 * objects, used by every service and by the end-to-end test. Unset fields take the defaults of docs/campaigns.md;
 * the training part is read by core's run-file reader, so its rules and defaults are core's.
 */
public final class RunPlan {
  private final RunSpec spec;
  private final io.horizon.core.train.RunSpec training;
  private final DiagnosticSettings diagnostic;
  private final Optional<ForcingSettings> forcing;

  private RunPlan(RunSpec spec) {
    this.spec = spec;
    String path = spec.getRunId().isEmpty() ? "run" : spec.getRunId();
    this.training = io.horizon.core.train.RunSpec.fromMap(SpecMaps.coreRun(spec, path), path);
    this.diagnostic = DiagnosticSettings.of(spec.getDiagnostic(), training.task().length(), path + ".diagnostic");
    diagnostic.coupling().ifPresent(
        c -> c.requireSupported(training.model(), "the run's model", path + ".diagnostic.coupling"));
    this.forcing = spec.hasForcing() ? Optional.of(forcing(spec, path + ".forcing")) : Optional.empty();
  }

  /** The forcing of a const run; any other architecture is an error (THEORY §11.3 item 11 forces ConstGate). */
  private static ForcingSettings forcing(RunSpec spec, String path) {
    if (!Architecture.CONST.id().equals(spec.getArchitecture())) {
      throw new IllegalArgumentException(path + ": only architecture const takes forcing, got '"
          + spec.getArchitecture() + "'");
    }
    return ForcingSettings.of(spec.getForcing(), path);
  }

  /** The plan of {@code spec}; rejects bad fields naming their path below the run id. */
  public static RunPlan of(RunSpec spec) {
    return new RunPlan(spec);
  }

  /** The proto run this plan was built from. */
  public RunSpec spec() {
    return spec;
  }

  /** The core run spec: model, task, training loop and root seed (named by the run id). */
  public io.horizon.core.train.RunSpec training() {
    return training;
  }

  /** The epochs after which the run publishes a checkpoint, ascending: those where core's trainer calls one due. */
  public int[] checkpointEpochs() {
    TrainingConfig loop = training.training();
    return IntStream.rangeClosed(1, loop.epochs()).filter(loop::checkpointDue).toArray();
  }

  /** Diagnostic sequences per checkpoint. */
  public int diagnosticSequences() {
    return diagnostic.sequences();
  }

  /** A fresh diagnostic set (THEORY §7: new sequences from the run's diagnostic seed, same task direction). */
  public SequenceDataset diagnosticSet() {
    return training.task().create().generate(diagnostic.sequences(), training.diagnosticSeed());
  }

  /** The projection direction u (THEORY §5.2), from {@code diagnostic.direction_seed} or else the run seed. */
  public ParameterSet direction(ModelConfig config) {
    return ProjectionDirection.random(config, diagnostic.directionSeed().orElse(training.seed()));
  }

  /** Settings of the diagnostic pass with {@code threads} worker threads. */
  public KernelOptions kernel(int threads) {
    return diagnostic.kernel(threads);
  }

  /** The per-lag α-stable estimator (THEORY §7.1). */
  public StableMethod method() {
    return diagnostic.method();
  }

  /** Settings of the learnability statistics (THEORY §7.2–7.4). */
  public LearnabilityOptions learnability() {
    return diagnostic.learnability();
  }

  /** Samples kept per lag for the α fits. */
  public int reservoirCapacity() {
    return diagnostic.reservoirCapacity();
  }

  /** The time-scale coupling settings (THEORY §10), when the run's spec switches them on. */
  public Optional<CouplingSettings> coupling() {
    return diagnostic.coupling();
  }

  /** The whole analysis of one checkpoint of this run, seeded by the run seed. */
  public CheckpointDiagnosis diagnosis(int threads) {
    return diagnosis(kernel(threads));
  }

  /**
   * The analysis as the diagnostics stage runs it: {@link #diagnosis}, whose pass also keeps the per-unit mean of
   * log|μ| over the τ window when {@link #collapse()} is present (THEORY §7.4 AC variant), for the collapse
   * diagnosis. Every other output, the samples included, equals {@link #diagnosis}'s.
   */
  public CheckpointDiagnosis envelopeDiagnosis(int threads) {
    KernelOptions kernel = kernel(threads);
    return diagnosis(collapse().map(c -> kernel.withUnitLogWindow(c.tauWindow())).orElse(kernel));
  }

  private CheckpointDiagnosis diagnosis(KernelOptions kernel) {
    return new CheckpointDiagnosis(kernel, method(), learnability(), reservoirCapacity(), training.seed());
  }

  /** The anti-collapse settings (THEORY §11.3), when the run's diagnostic spec turns them on. */
  public Optional<CollapseSettings> collapse() {
    return diagnostic.collapse();
  }

  /** The slow-mode forcing (THEORY §11.3 item 11), when the run has one. */
  public Optional<ForcingSettings> forcing() {
    return forcing;
  }

  /**
   * The wrapper of the run's optimizer: the slow-row forcing seeded by the run seed when the run has forcing
   * (THEORY §11.3 item 11), otherwise the optimizer unchanged.
   */
  public UnaryOperator<Optimizer> updates() {
    return forcing.<UnaryOperator<Optimizer>>map(f -> inner -> new ForcedSlowRows(inner, f.forcing(), f.slowQuantile(),
        training.seed())).orElse(UnaryOperator.identity());
  }

  /**
   * Lags L of the report's data-budget answers N(L) (LW-43): the task's own lags when it has them (multi-lag),
   * otherwise the largest diagnostic lag.
   */
  public int[] targetLags() {
    int[] taskLags = spec.getTask().getLagsList().stream().mapToInt(Integer::intValue).toArray();
    if (taskLags.length > 0) {
      return taskLags;
    }
    int[] grid = diagnostic.kernel(1).lags();
    return new int[] {grid[grid.length - 1]};
  }
}
