package io.horizon.pipeline.message;

import io.horizon.core.io.CodeVersion;
import io.horizon.core.io.LearnabilityFiles;
import io.horizon.core.learnability.LagStatistics;
import io.horizon.core.learnability.LearnabilityReport;
import io.horizon.core.learnability.SampleComplexity;
import io.horizon.proto.v1.DataBudget;
import io.horizon.proto.v1.RunSpec;

/** Learnability reports (THEORY §6–7) as {@code horizon.v1.LearnabilityReport} messages. */
public final class ReportMessages {
  private ReportMessages() {}

  /**
   * The message of the report of checkpoint {@code epoch} of {@code run}, with the data budget N(L) (LW-43) for
   * each of {@code targetLags}.
   */
  public static io.horizon.proto.v1.LearnabilityReport encode(RunSpec run, int epoch, String architecture,
      LearnabilityReport report, int[] targetLags) {
    LagStatistics s = report.statistics();
    SampleComplexity c = report.complexity();
    io.horizon.proto.v1.LearnabilityReport.Builder b = io.horizon.proto.v1.LearnabilityReport.newBuilder()
        .setCampaign(run.getCampaign())
        .setRunId(run.getRunId())
        .setEpoch(epoch)
        .setArchitecture(architecture)
        .setRegime(report.growth().regime().toString())
        .setTauEnv(report.envelope().tauEnv())
        .setBeta(report.envelope().beta())
        .setMedianAlpha(report.alpha().pooled())
        .setGrowthLaw(report.growth().form())
        .setFitsJson(LearnabilityFiles.fitsJson(report))
        .setSummary(report.summary())
        .setCodeVersion(CodeVersion.current())
        .setRun(run);
    for (int i = 0; i < s.size(); i++) {
      b.addLags(s.lags()[i])
          .addNMin(c.minimalBudget(i))
          .addFMean(s.fMean()[i])
          .addFLogmean(s.fLogMean()[i])
          .addAlpha(s.alpha()[i])
          .addGamma(s.gamma()[i])
          .addAlphaReliable(s.alphaReliable()[i]);
    }
    for (int k = 0; k < c.budgets().length; k++) {
      b.addBudgets(c.budgets()[k]).addWindow(c.window()[k]);
    }
    for (int lag : targetLags) {
      b.addBudgetsForLags(budget(report, lag));
    }
    return b.build();
  }

  /** N(L) for one target lag, or NaN with the reason when the report cannot calibrate it. */
  private static DataBudget budget(LearnabilityReport report, int lag) {
    DataBudget.Builder b = DataBudget.newBuilder().setTargetLag(lag);
    try {
      io.horizon.core.learnability.DataBudget budget = report.budgetFor(lag);
      return b.setSequences(budget.sequences())
          .setExtrapolatedLag(budget.extrapolatedLag())
          .setExtrapolatedBudget(budget.extrapolatedBudget())
          .build();
    } catch (IllegalArgumentException e) {
      return b.setSequences(Double.NaN).setUnavailable(e.getMessage()).build();
    }
  }
}
