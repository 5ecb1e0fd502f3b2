package io.horizon.pipeline.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The anti-collapse diagnosis and history of a tiny three-checkpoint run, made by the pipeline's pieces (envelope
 * report with the diagnosis, fits in shuffled order, the aggregator's join, and a restarted join that rebuilds the
 * history from the published reports), equal the in-process computation on the same checkpoints.
 */
class CollapseEquivalenceTest {
  private static final String CAMPAIGN = """
      name: collapse-equivalence
      architectures: [diag]
      seeds: [7]
      hiddenSizes: [20]
      trainSequences: [48]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 40, inputDim: 3, lags: [2, 6], coefficients: [0.5, 0.3]}
      epochs: 3
      batchSize: 16
      checkpointEvery: 1
      diagnostic:
        sequences: 24
        lags: "2:36:12"
        reservoirCapacity: 100
        collapse: {bootstrapResamples: 200}
      """;

  @Test
  void stagesEqualTheInProcessDiagnosisAndHistory() {
    RunSpec run = CampaignGrid.expand(CampaignFiles.parse(CAMPAIGN, "test")).get(0);
    RunPlan plan = RunPlan.of(run);
    CheckpointDiagnosis diagnosis = plan.envelopeDiagnosis(2);
    CollapseHistories reference = new CollapseHistories();
    List<LearnabilityReport> expected = new ArrayList<>();
    List<List<Object>> messages = new ArrayList<>();
    io.horizon.core.train.RunSpec spec = plan.training();
    new Trainer(spec.training()).train(spec.initialModel(), spec.task().create(), new TrainingListener() {
      @Override
      public void checkpointDue(int epoch, EpochMetrics m, GatedRnn trained) {
        GatedRnn frozen = CheckpointMessages.decode(CheckpointMessages.encode(run, epoch, trained, null));
        CheckpointDiagnosis.Result result =
            diagnosis.run(frozen, plan.diagnosticSet(), plan.direction(frozen.config()), done -> { });
        CollapseDiagnosis d = CollapseReports.diagnose(plan, result.diagnostic()).orElseThrow();
        expected.add(LearnabilityReport.newBuilder().setRunId(run.getRunId()).setEpoch(epoch).setRun(run)
            .setCollapse(d).setCollapseHistory(reference.add(run.getRunId(), epoch, d, plan.collapse().orElseThrow()))
            .build());
        EnvelopeReport envelope = EnvelopeMessages.encode(run, epoch, run.getArchitecture(), result.diagnostic());
        List<Object> pieces = new ArrayList<>();
        pieces.add(CollapseReports.diagnose(plan, result.diagnostic())
            .map(c -> envelope.toBuilder().setCollapse(c).build()).orElseThrow());
        for (int i = 0; i < result.fits().length; i++) {
          pieces.add(FitMessages.encode(run.getCampaign(), run.getRunId(), epoch, result.diagnostic().lags()[i],
              result.fits()[i]));
        }
        messages.add(pieces);
      }
    });
    ReportAssembly aggregator = new ReportAssembly();
    List<LearnabilityReport> actual = new ArrayList<>();
    Random random = new Random(11);
    for (List<Object> pieces : messages) {
      Collections.shuffle(pieces, random);
      for (Object piece : pieces) {
        (piece instanceof EnvelopeReport e ? aggregator.envelope(e) : aggregator.fit((StableFit) piece))
            .ifPresent(actual::add);
      }
    }
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).getCollapse(), actual.get(i).getCollapse(), "diagnosis at checkpoint " + i);
      assertEquals(expected.get(i).getCollapseHistory(), actual.get(i).getCollapseHistory(), "history " + i);
    }
    CollapseHistory last = actual.get(actual.size() - 1).getCollapseHistory();
    assertEquals(3, last.getEpochsCount());
    assertTrue(last.getDriftEstimated() || !last.getDriftUnavailable().isEmpty());
    assertEquals(3, last.getZetaMeansCount());

    ReportAssembly restarted = new ReportAssembly();
    actual.subList(0, 2).forEach(restarted::published);
    List<Object> lastPieces = messages.get(2);
    List<LearnabilityReport> after = new ArrayList<>();
    for (Object piece : lastPieces) {
      (piece instanceof EnvelopeReport e ? restarted.envelope(e) : restarted.fit((StableFit) piece))
          .ifPresent(after::add);
    }
    assertEquals(last, after.get(0).getCollapseHistory(), "history rebuilt from the published reports");
  }
}
