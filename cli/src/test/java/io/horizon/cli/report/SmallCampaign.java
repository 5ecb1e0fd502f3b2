package io.horizon.cli.report;

import io.horizon.cli.campaign.CampaignResults;
import io.horizon.cli.campaign.InProcessRun;
import io.horizon.cli.campaign.TrainingPoint;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small real campaign computed in this JVM as the services do (train, freeze each checkpoint, diagnose, encode
 * the report), its result files written as {@code ./horizon run} writes them.
 */
final class SmallCampaign {
  static final String YAML = """
      name: small
      architectures: [const, diag, gru]
      seeds: [5]
      hiddenSizes: [8]
      trainSequences: [128]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 48, inputDim: 3, lags: [2, 6], coefficients: [0.6, 0.4], noiseStd: 0.2}
      epochs: 3
      batchSize: 16
      checkpointEvery: 1
      diagnostic: {sequences: 64, lags: "1:32:16", reservoirCapacity: 500}
      """;

  private SmallCampaign() {}

  /** Runs the campaign and writes its result files into {@code dir}; returns the results. */
  static CampaignResults write(Path dir) {
    return write(dir, YAML);
  }

  /** Runs the campaign of {@code yaml} and writes its result files into {@code dir}; returns the results. */
  static CampaignResults write(Path dir, String yaml) {
    CampaignSpec spec = CampaignFiles.parse(yaml, "small.yaml");
    List<LearnabilityReport> reports = new ArrayList<>();
    List<TrainingPoint> training = new ArrayList<>();
    CampaignState.Builder state = CampaignState.newBuilder().setSpec(spec);
    for (RunSpec run : CampaignGrid.expand(spec)) {
      InProcessRun done = InProcessRun.of(run);
      reports.addAll(done.reports());
      training.addAll(done.training());
      state.addRuns(RunStatus.newBuilder().setCampaign(spec.getName()).setRunId(run.getRunId())
          .setState(RunState.FINISHED).setEpoch(run.getEpochs()).setEpochs(run.getEpochs()).setProgress(1));
    }
    CampaignResults results = new CampaignResults(state.build(), reports, training);
    results.write(dir);
    return results;
  }
}
