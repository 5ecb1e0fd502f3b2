package io.horizon.pipeline.message;

import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.learnability.UnitTimescales;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.UnitProfile;

/**
 * The diagnostic pass's results as {@code horizon.v1.EnvelopeReport}: envelope f̂(ℓ), per-unit profile μ̄_q(ℓ) and
 * per-unit τ fits (THEORY §4.4, §7.4), and the exact per-lag sample counts, sums and orientations, so that the
 * aggregator rebuilds the identical {@link DiagnosticResult}.
 */
public final class EnvelopeMessages {
  private EnvelopeMessages() {}

  /** The report of checkpoint {@code epoch} of {@code run}. */
  public static EnvelopeReport encode(RunSpec run, int epoch, String architecture, DiagnosticResult d) {
    EnvelopeReport.Builder b = EnvelopeReport.newBuilder()
        .setCampaign(run.getCampaign())
        .setRunId(run.getRunId())
        .setEpoch(epoch)
        .setArchitecture(architecture)
        .setSequences(d.sequences())
        .setRun(run);
    for (int i = 0; i < d.lags().length; i++) {
      b.addLags(d.lags()[i])
          .addFMean(d.fMean()[i])
          .addFLogmean(d.fLogMean()[i])
          .addMbar(d.mbar(i))
          .addSampleCount(d.sampleCount()[i])
          .addSampleSum(d.sampleSum()[i])
          .addOrientation(d.orientation()[i]);
      UnitProfile.Builder profile = UnitProfile.newBuilder();
      for (double v : d.unitProfile()[i]) {
        profile.addValues(v);
      }
      b.addUnitProfile(profile);
    }
    UnitTimescales tau = UnitTimescales.fitLogOfMean(d.lags(), d.unitProfile());
    for (int k = 0; k < tau.fitted(); k++) {
      b.addUnitIndex(tau.units()[k]).addUnitTau(tau.tau()[k]).addUnitR2(tau.r2()[k]);
    }
    return b.build();
  }

  /**
   * Checks that a report read from a topic is whole: it carries its run, at least one lag, and one entry per lag in
   * every per-lag field; the error names the report and the field.
   */
  public static void check(EnvelopeReport r) {
    String what = "envelope " + r.getRunId() + "@" + r.getEpoch() + ": ";
    if (!r.hasRun()) {
      throw new IllegalArgumentException(what + "run: missing");
    }
    int n = r.getLagsCount();
    if (n == 0) {
      throw new IllegalArgumentException(what + "lags: empty");
    }
    perLag(what + "f_mean", r.getFMeanCount(), n);
    perLag(what + "f_logmean", r.getFLogmeanCount(), n);
    perLag(what + "unit_profile", r.getUnitProfileCount(), n);
    perLag(what + "sample_count", r.getSampleCountCount(), n);
    perLag(what + "sample_sum", r.getSampleSumCount(), n);
    perLag(what + "orientation", r.getOrientationCount(), n);
  }

  private static void perLag(String field, int count, int lags) {
    if (count != lags) {
      throw new IllegalArgumentException(field + ": " + count + " entries for " + lags + " lags");
    }
  }

  /**
   * The diagnostic result a report holds (every array exact); the report is {@link #check checked} first. The
   * per-unit mean of log|μ| is not carried (the diagnostics stage turns it into the report's collapse diagnosis), so
   * {@link DiagnosticResult#unitLogMean()} is null.
   */
  public static DiagnosticResult decode(EnvelopeReport r) {
    check(r);
    int n = r.getLagsCount();
    int[] lags = new int[n];
    double[] fMean = new double[n];
    double[] fLogMean = new double[n];
    double[][] profile = new double[n][];
    long[] count = new long[n];
    double[] sum = new double[n];
    int[] orientation = new int[n];
    for (int i = 0; i < n; i++) {
      lags[i] = r.getLags(i);
      fMean[i] = r.getFMean(i);
      fLogMean[i] = r.getFLogmean(i);
      profile[i] = r.getUnitProfile(i).getValuesList().stream().mapToDouble(Double::doubleValue).toArray();
      count[i] = r.getSampleCount(i);
      sum[i] = r.getSampleSum(i);
      orientation[i] = r.getOrientation(i);
    }
    return new DiagnosticResult(lags, fMean, fLogMean, profile, null, count, sum, orientation, r.getSequences());
  }
}
