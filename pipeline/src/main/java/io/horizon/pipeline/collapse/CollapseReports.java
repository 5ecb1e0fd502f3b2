package io.horizon.pipeline.collapse;

import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.train.TrainingConfig;
import io.horizon.pipeline.campaign.CollapseSettings;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.LearnabilityReport;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the anti-collapse analyses meet the pipeline's messages (THEORY §11.3): the diagnosis of a checkpoint for
 * the envelope report, and the diagnosis with the run's history for the learnability report, both only when the
 * run's diagnostic spec turns the analyses on.
 */
public final class CollapseReports {
  private CollapseReports() {}

  /**
   * The checkpoint's diagnosis from the pass's lag grid, per-unit mean of log|μ| and log envelope, when on; the pass
   * must be {@link RunPlan#envelopeDiagnosis}'s, which keeps the mean of log|μ| exactly then.
   */
  public static Optional<CollapseDiagnosis> diagnose(RunPlan plan, DiagnosticResult pass) {
    return plan.collapse().map(settings -> {
      if (pass.unitLogMean() == null) {
        throw new IllegalArgumentException("diagnostic pass: no per-unit mean of log|μ| for the collapse diagnosis"
            + " (run the pass of RunPlan.envelopeDiagnosis)");
      }
      return CheckpointCollapse.diagnose(settings, pass.lags(), pass.unitLogMean(), pass.fLogMean(),
          plan.training().task().length());
    });
  }

  /**
   * The anti-collapse settings of a run whose checkpoint {@code epoch} carries a diagnosis. Refused
   * (IllegalArgumentException naming the field) when the run's spec has the analyses off, or when {@code epoch} is
   * not one of the run's checkpoint epochs: a history must never wait for, or take in, a checkpoint that the
   * trainer does not publish.
   */
  public static CollapseSettings settings(RunPlan plan, int epoch) {
    CollapseSettings settings = plan.collapse().orElseThrow(() ->
        new IllegalArgumentException("run.diagnostic.collapse: absent, but the checkpoint carries a diagnosis"));
    if (Arrays.binarySearch(plan.checkpointEpochs(), epoch) < 0) {
      TrainingConfig loop = plan.training().training();
      throw new IllegalArgumentException("epoch: " + epoch + " is not a checkpoint of run '"
          + plan.spec().getRunId() + "' (epochs 1 … " + loop.epochs() + ", a checkpoint every "
          + loop.checkpointEvery() + " and at the last)");
    }
    return settings;
  }

  /** {@code report} with the checkpoint's diagnosis and the run's history up to it added to {@code histories}. */
  public static LearnabilityReport withHistory(LearnabilityReport report, CollapseDiagnosis diagnosis,
      CollapseHistories histories) {
    CollapseSettings settings = settings(RunPlan.of(report.getRun()), report.getEpoch());
    return report.toBuilder().setCollapse(diagnosis)
        .setCollapseHistory(histories.add(report.getRunId(), report.getEpoch(), diagnosis, settings)).build();
  }
}
