package io.horizon.trainer.run;

import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.train.EpochMetrics;
import io.horizon.core.train.Trainer;
import io.horizon.core.train.TrainingListener;
import io.horizon.core.train.TrainingState;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.collapse.SlowModeTails;
import io.horizon.pipeline.message.CheckpointMessages;
import io.horizon.pipeline.message.SampleChunker;
import io.horizon.pipeline.message.TrainingStateMessages;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import io.horizon.trainer.kafka.TrainerPublisher;
import io.horizon.trainer.metrics.TrainingMeters;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import java.util.function.Consumer;

/**
 * Trains one run with {@code core} (THEORY §8.2) and, at each checkpoint, publishes the frozen float32 checkpoint
 * (with the slow-mode tail index of the steps since the previous one when the run has the anti-collapse analyses,
 * THEORY §11.3 item 10) and the gradient-sample chunks of the diagnostic pass on that very checkpoint (THEORY §5.4),
 * then the run's training state to resume from, reporting status, progress and heartbeats throughout.
 */
final class RunJob {
  private static final Logger LOG = Logger.getLogger(RunJob.class.getName());

  private final RunSpec run;
  private final RunPlan plan;
  private final TrainerPublisher publisher;
  private final TrainingMeters meters;
  private final ResumePoints resumePoints;
  private final Consumer<RunStatus> report;
  private final BooleanSupplier cancelled;
  private final int threads;
  private final int chunkSize;
  private final long heartbeatMillis;
  private RunStatus status;
  private long lastBeat;

  RunJob(RunSpec run, TrainerPublisher publisher, TrainingMeters meters, ResumePoints resumePoints,
      Consumer<RunStatus> report, BooleanSupplier cancelled, int threads, int chunkSize, long heartbeatMillis) {
    this.run = run;
    this.plan = RunPlan.of(run);
    this.publisher = publisher;
    this.meters = meters;
    this.resumePoints = resumePoints;
    this.report = report;
    this.cancelled = cancelled;
    this.threads = threads;
    this.chunkSize = chunkSize;
    this.heartbeatMillis = heartbeatMillis;
    this.status = CampaignBook.pending(run);
  }

  /**
   * Trains the run to its end, going on from its latest saved training state when it has one (bit-identical to an
   * uninterrupted run); throws {@link RunCancelledException} when cancelled between batches.
   */
  void train() {
    io.horizon.core.train.RunSpec spec = plan.training();
    GatedRnn model = spec.initialModel();
    SlowModeTails tails = SlowModeTails.of(plan);
    Trainer trainer = new Trainer(spec.training(), tails.updates());
    Optional<TrainingState> saved = resumePoints.of(run.getRunId()).map(TrainingStateMessages::decode);
    if (saved.isPresent()) {
      int epoch = saved.get().epoch();
      LOG.info("run " + run.getRunId() + " resumes from its training state after epoch " + epoch);
      set(status.toBuilder().setState(RunState.RUNNING).setStage("training").setEpoch(epoch)
          .setProgress(epoch / (double) spec.training().epochs()));
      trainer.resume(model, spec.task().create(), saved.get(), new Listener(spec, tails));
    } else {
      set(status.toBuilder().setState(RunState.RUNNING).setStage("training"));
      trainer.train(model, spec.task().create(), new Listener(spec, tails));
    }
    set(status.toBuilder().setState(RunState.FINISHED).setStage("done").setProgress(1.0));
  }

  /** The status last reported. */
  RunStatus status() {
    return status;
  }

  private void set(RunStatus.Builder next) {
    status = next.setHeartbeatUnixMs(System.currentTimeMillis()).build();
    report.accept(status);
  }

  /** Publishes the checkpoint of {@code epoch}, stamped by {@code tails}, and the samples of its diagnostic pass. */
  private void checkpoint(int epoch, io.horizon.core.train.RunSpec spec, EpochMetrics m, GatedRnn trained,
      SlowModeTails tails) {
    long began = System.nanoTime();
    set(status.toBuilder().setStage("checkpoint"));
    Checkpoint message = tails.stamp(CheckpointMessages.encode(run, epoch, trained, spec.provenance(epoch, m)));
    publisher.checkpoint(message);
    set(status.toBuilder().setStage("gradient samples"));
    GatedRnn frozen = CheckpointMessages.decode(message);
    CheckpointDiagnosis diagnosis = plan.diagnosis(threads);
    SampleChunker chunker =
        new SampleChunker(run, epoch, diagnosis.kernel().lags(), chunkSize, publisher::chunk);
    DiagnosticResult result = diagnosis.pass(frozen, plan.diagnosticSet(), plan.direction(frozen.config()), chunker,
        done -> heartbeat());
    chunker.finish(result);
    publisher.flush();
    meters.checkpoint(run, System.nanoTime() - began);
    set(status.toBuilder().setStage(epoch < spec.training().epochs() ? "training" : "finishing"));
  }

  private void heartbeat() {
    long now = System.currentTimeMillis();
    if (now - lastBeat >= heartbeatMillis) {
      lastBeat = now;
      set(status.toBuilder());
    }
  }

  /** Progress, metrics, cancellation and checkpoints from inside the training loop. */
  private final class Listener implements TrainingListener {
    private final io.horizon.core.train.RunSpec spec;
    private final SlowModeTails tails;

    Listener(io.horizon.core.train.RunSpec spec, SlowModeTails tails) {
      this.spec = spec;
      this.tails = tails;
    }

    @Override
    public void batchFinished(int epoch, int batch, int batches) {
      if (cancelled.getAsBoolean()) {
        throw new RunCancelledException(run.getRunId());
      }
      double done = ((epoch - 1) * (double) batches + batch) / ((double) batches * spec.training().epochs());
      status = status.toBuilder().setProgress(done).build();
      heartbeat();
    }

    @Override
    public void epochFinished(EpochMetrics m) {
      meters.epoch(run, m);
      set(status.toBuilder().setEpoch(m.epoch()).setTrainLoss(m.trainLoss()).setValidationR2(m.validationR2()));
    }

    @Override
    public void checkpointDue(int epoch, EpochMetrics m, GatedRnn model) {
      checkpoint(epoch, spec, m, model, tails);
    }

    @Override
    public void checkpointState(TrainingState state) {
      io.horizon.proto.v1.TrainingState message = TrainingStateMessages.encode(run, state);
      if (publisher.trainingState(message)) {
        resumePoints.put(message);
      } else {
        LOG.warning("run " + run.getRunId() + ": the training state after epoch " + state.epoch() + " ("
            + message.getSerializedSize() + " bytes) exceeds the largest record; an interrupted run goes on from"
            + " an earlier state or starts over");
      }
    }
  }
}
