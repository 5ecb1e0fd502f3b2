package io.horizon.pipeline.collapse;

import com.google.protobuf.MessageLite;
import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.train.EpochMetrics;
import io.horizon.core.train.Trainer;
import io.horizon.core.train.TrainingListener;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.message.CheckpointMessages;
import io.horizon.pipeline.message.EnvelopeMessages;
import io.horizon.pipeline.message.FitMessages;
import io.horizon.pipeline.message.ReportAssembly;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.CollapseHistory;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.StableFit;
import java.util.ArrayList;
import java.util.List;

/**
 * A small run with the anti-collapse analyses on, trained in process (the first run of a campaign file) with the
 * slow rows' increments recorded: for each checkpoint, in epoch order, the envelope with its diagnosis (the slow-mode
 * tail index of the checkpoint message included) and the per-lag fits the aggregator receives, and the in-process
 * diagnosis and history (THEORY §11.3), the reference of the pipeline's.
 */
public final class CollapseRun {
  /** One checkpoint: what the aggregator receives and what the in-process computation says. */
  public record Checkpoint(int epoch, EnvelopeReport envelope, List<StableFit> fits, CollapseDiagnosis diagnosis,
      CollapseHistory history) {
    /** The envelope and the fits, envelope first. */
    public List<MessageLite> pieces() {
      List<MessageLite> pieces = new ArrayList<>();
      pieces.add(envelope);
      pieces.addAll(fits);
      return pieces;
    }
  }

  private final RunSpec run;
  private final List<Checkpoint> checkpoints;

  private CollapseRun(RunSpec run, List<Checkpoint> checkpoints) {
    this.run = run;
    this.checkpoints = checkpoints;
  }

  /**
   * A one-run DiagGate campaign (H 20, T 40) named {@code name} with a checkpoint every {@code checkpointEvery} of
   * {@code epochs} epochs and the anti-collapse settings {@code collapse} (a YAML flow map).
   */
  public static String campaign(String name, int seed, int epochs, int checkpointEvery, String collapse) {
    return """
        name: %s
        architectures: [diag]
        seeds: [%d]
        hiddenSizes: [20]
        trainSequences: [48]
        optimizers: [{kind: adamw, lr: 0.01}]
        task: {name: multilag, length: 40, inputDim: 3, lags: [2, 6], coefficients: [0.5, 0.3]}
        epochs: %d
        batchSize: 16
        checkpointEvery: %d
        diagnostic:
          sequences: 24
          lags: "2:36:12"
          reservoirCapacity: 100
          collapse: %s
        """.formatted(name, seed, epochs, checkpointEvery, collapse);
  }

  /** Trains the first run of {@code campaign} (YAML) and collects its checkpoints. */
  public static CollapseRun train(String campaign) {
    RunSpec run = CampaignGrid.expand(CampaignFiles.parse(campaign, "test")).get(0);
    RunPlan plan = RunPlan.of(run);
    CheckpointDiagnosis diagnosis = plan.envelopeDiagnosis(2);
    CollapseHistories reference = new CollapseHistories();
    List<Checkpoint> checkpoints = new ArrayList<>();
    io.horizon.core.train.RunSpec spec = plan.training();
    SlowModeTails tails = SlowModeTails.of(plan);
    Trainer trainer = new Trainer(spec.training(), tails.updates());
    trainer.train(spec.initialModel(), spec.task().create(), new TrainingListener() {
      @Override
      public void checkpointDue(int epoch, EpochMetrics m, GatedRnn trained) {
        io.horizon.proto.v1.Checkpoint message = tails.stamp(CheckpointMessages.encode(run, epoch, trained, null));
        GatedRnn frozen = CheckpointMessages.decode(message);
        CheckpointDiagnosis.Result result =
            diagnosis.run(frozen, plan.diagnosticSet(), plan.direction(frozen.config()), done -> { });
        CollapseDiagnosis inProcess =
            SlowModeTails.carry(CollapseReports.diagnose(plan, result.diagnostic()).orElseThrow(), message);
        CollapseHistory history = reference.add(run.getRunId(), epoch, inProcess, plan.collapse().orElseThrow());
        EnvelopeReport envelope = EnvelopeMessages.encode(run, epoch, run.getArchitecture(), result.diagnostic());
        List<StableFit> fits = new ArrayList<>();
        for (int i = 0; i < result.fits().length; i++) {
          fits.add(FitMessages.encode(run.getCampaign(), run.getRunId(), epoch, result.diagnostic().lags()[i],
              result.fits()[i]));
        }
        checkpoints.add(new Checkpoint(epoch, envelope.toBuilder().setCollapse(inProcess).build(), List.copyOf(fits),
            inProcess, history));
      }
    });
    return new CollapseRun(run, List.copyOf(checkpoints));
  }

  /** The run's spec. */
  public RunSpec run() {
    return run;
  }

  /** The checkpoints in epoch order. */
  public List<Checkpoint> checkpoints() {
    return checkpoints;
  }

  /** Hands {@code piece}, an envelope or a fit, to {@code aggregator}; returns the reports it gives back. */
  public static List<LearnabilityReport> feed(ReportAssembly aggregator, MessageLite piece) {
    return piece instanceof EnvelopeReport e ? aggregator.envelope(e) : aggregator.fit((StableFit) piece);
  }

  /** The reports of an aggregator that gets every checkpoint's pieces in epoch order, envelope first. */
  public List<LearnabilityReport> inOrder() {
    ReportAssembly aggregator = new ReportAssembly();
    List<LearnabilityReport> reports = new ArrayList<>();
    checkpoints.forEach(c -> c.pieces().forEach(p -> reports.addAll(feed(aggregator, p))));
    return reports;
  }
}
