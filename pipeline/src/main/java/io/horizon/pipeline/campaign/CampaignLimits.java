package io.horizon.pipeline.campaign;

import io.horizon.proto.v1.CampaignSpec;

/**
 * Size limits on a campaign, checked before anything is expanded or allocated, so that an oversized request is
 * rejected with a clear error instead of exhausting memory. The trainer takes its limits from configuration.
 *
 * @param maxRuns grid cells (architectures × optimizers × seeds × hidden sizes × training-set sizes)
 * @param maxHiddenSize hidden size H
 * @param maxLength sequence length T
 * @param maxTrainSequences training sequences per run
 * @param maxDiagnosticSequences diagnostic sequences per checkpoint
 */
public record CampaignLimits(
    int maxRuns, int maxHiddenSize, int maxLength, int maxTrainSequences, int maxDiagnosticSequences) {

  /** Generous defaults: the paper's full run fits (H = 128, T = 512, 8000 diagnostic sequences), with room. */
  public static final CampaignLimits DEFAULT = new CampaignLimits(1000, 2048, 16384, 10_000_000, 1_000_000);

  /** Throws naming the field and the limit when {@code spec} exceeds one. */
  public void check(CampaignSpec spec, String source) {
    long forcedTwins =
        spec.hasForcing() ? spec.getArchitecturesList().stream().filter(CampaignGrid::forcible).count() : 0;
    long runs = Math.max(1, spec.getArchitecturesCount() + forcedTwins) * Math.max(1, spec.getOptimizersCount())
        * Math.max(1, spec.getSeedsCount()) * Math.max(1, spec.getHiddenSizesCount())
        * Math.max(1, spec.getTrainSequencesCount());
    if (runs > maxRuns) {
      throw new IllegalArgumentException(source + ": the grid has " + runs + " runs (architectures × optimizers × "
          + "seeds × hiddenSizes × trainSequences), more than the limit of " + maxRuns);
    }
    for (int i = 0; i < spec.getHiddenSizesCount(); i++) {
      atMost(spec.getHiddenSizes(i), maxHiddenSize, source + ".hiddenSizes[" + i + "]");
    }
    for (int i = 0; i < spec.getTrainSequencesCount(); i++) {
      atMost(spec.getTrainSequences(i), maxTrainSequences, source + ".trainSequences[" + i + "]");
    }
    atMost(spec.getTask().getLength(), maxLength, source + ".task.length");
    atMost(spec.getDiagnostic().getSequences(), maxDiagnosticSequences, source + ".diagnostic.sequences");
  }

  private static void atMost(long value, long limit, String path) {
    if (value > limit) {
      throw new IllegalArgumentException(path + ": " + value + " exceeds the limit of " + limit);
    }
  }
}
