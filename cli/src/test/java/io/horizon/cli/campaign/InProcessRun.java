package io.horizon.cli.campaign;

import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.train.EpochMetrics;
import io.horizon.core.train.Trainer;
import io.horizon.core.train.TrainingListener;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.collapse.CollapseHistories;
import io.horizon.pipeline.collapse.CollapseReports;
import io.horizon.pipeline.collapse.SlowModeTails;
import io.horizon.pipeline.coupling.CouplingAnalysis;
import io.horizon.pipeline.message.CheckpointMessages;
import io.horizon.pipeline.message.ReportMessages;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * One run trained and analysed in this JVM through {@code core} alone, as the services do it: train (recording the
 * slow rows' increments when the spec has the anti-collapse analyses), freeze each checkpoint to float32 with its
 * slow-mode tail index, diagnose it (with the time-scale coupling profile when the spec asks for it), encode its
 * learnability report. The reference of the pipeline tests.
 *
 * @param reports one report per checkpoint, in epoch order
 * @param training loss and validation R² of every epoch
 */
public record InProcessRun(List<LearnabilityReport> reports, List<TrainingPoint> training) {

  /** A tiny two-run campaign (const and gru, two checkpoints each) named {@code name}, in seconds on 2 cores. */
  public static String tinyCampaign(String name) {
    return """
        name: %s
        architectures: [const, gru]
        seeds: [3]
        hiddenSizes: [6]
        trainSequences: [64]
        optimizers: [{kind: adamw, lr: 0.01}]
        task: {name: multilag, length: 32, inputDim: 3, lags: [2, 4], coefficients: [0.6, 0.4], noiseStd: 0.2}
        epochs: 2
        batchSize: 16
        checkpointEvery: 1
        diagnostic: {sequences: 32, lags: "1:16:6", reservoirCapacity: 300}
        """.formatted(name);
  }

  /**
   * The tiny campaign with the leaky and scalar-gated models (const and shared) and a cheap time-scale coupling
   * analysis (THEORY §10: S1 on 2 probe sequences, S2 at 3 lags), named {@code name}.
   */
  public static String tinyCouplingCampaign(String name) {
    return tinyCampaign(name).replace("[const, gru]", "[const, shared]").replace("reservoirCapacity: 300}",
        "reservoirCapacity: 300,\n  coupling: {sensitivity: {sequences: 2}, anisotropy: {lags: [1, 4, 12],"
            + " pairsPerLag: 6, rank: 4, retained: 6, gradientRows: 16, sequences: 4}}}");
  }

  /**
   * The tiny campaign with ConstGate, SharedGate and DiagGate and the anti-collapse diagnosis (THEORY §11.3, a
   * 200-replicate bootstrap), named {@code name}.
   */
  public static String tinyCollapseCampaign(String name) {
    return tinyCampaign(name).replace("[const, gru]", "[const, shared, diag]").replace("reservoirCapacity: 300}",
        "reservoirCapacity: 300, collapse: {bootstrapResamples: 200}}");
  }

  /** Every run of {@code spec} trained and analysed in this JVM, as the results of a campaign whose runs all finished. */
  public static CampaignResults campaign(CampaignSpec spec) {
    List<LearnabilityReport> reports = new ArrayList<>();
    List<TrainingPoint> training = new ArrayList<>();
    CampaignState.Builder state = CampaignState.newBuilder().setSpec(spec);
    for (RunSpec run : CampaignGrid.expand(spec)) {
      InProcessRun done = of(run);
      reports.addAll(done.reports());
      training.addAll(done.training());
      state.addRuns(RunStatus.newBuilder().setCampaign(spec.getName()).setRunId(run.getRunId())
          .setState(RunState.FINISHED).setEpoch(run.getEpochs()).setEpochs(run.getEpochs()).setProgress(1));
    }
    return new CampaignResults(state.build(), reports, training);
  }

  /** Trains {@code run} and analyses each checkpoint with as many threads as the services use (every core). */
  public static InProcessRun of(RunSpec run) {
    RunPlan plan = RunPlan.of(run);
    io.horizon.core.train.RunSpec spec = plan.training();
    GatedRnn model = spec.initialModel();
    CheckpointDiagnosis diagnosis = plan.envelopeDiagnosis(Runtime.getRuntime().availableProcessors());
    List<LearnabilityReport> reports = new ArrayList<>();
    List<TrainingPoint> training = new ArrayList<>();
    CollapseHistories histories = new CollapseHistories();
    SlowModeTails tails = SlowModeTails.of(plan);
    new Trainer(spec.training(), tails.updates()).train(model, spec.task().create(), new TrainingListener() {
      @Override
      public void epochFinished(EpochMetrics m) {
        training.add(new TrainingPoint(run.getRunId(), m.epoch(), m.trainLoss(), m.validationR2()));
      }

      @Override
      public void checkpointDue(int epoch, EpochMetrics m, GatedRnn trained) {
        Checkpoint checkpoint = tails.stamp(CheckpointMessages.encode(run, epoch, trained, null));
        GatedRnn frozen = CheckpointMessages.decode(checkpoint);
        CheckpointDiagnosis.Result result =
            diagnosis.run(frozen, plan.diagnosticSet(), plan.direction(frozen.config()), done -> { });
        LearnabilityReport report =
            ReportMessages.encode(run, epoch, run.getArchitecture(), result.report(), plan.targetLags());
        LearnabilityReport coupled = CouplingAnalysis.of(plan, frozen)
            .map(c -> report.toBuilder().setCoupling(c).build()).orElse(report);
        reports.add(CollapseReports.diagnose(plan, result.diagnostic())
            .map(d -> SlowModeTails.carry(d, checkpoint))
            .map(d -> CollapseReports.withHistory(coupled, d, histories)).orElse(coupled));
      }
    });
    return new InProcessRun(reports, training);
  }
}
