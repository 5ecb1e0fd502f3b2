package io.horizon.pipeline.message;

import io.horizon.core.learnability.LearnabilityReport;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.collapse.CollapseHistories;
import io.horizon.pipeline.collapse.CollapseReports;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.StableFit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The aggregator's join: the envelope report and every per-lag α-stable fit of one checkpoint (run, epoch), in any
 * order, become its learnability report (THEORY §6–7) through the same {@code core} call as the in-process
 * analysis; the envelope's time-scale coupling profile (THEORY §10), when it has one, is carried over unchanged. A
 * fit or envelope seen again after its report was made is ignored.
 */
public final class ReportAssembly {
  private final Map<String, Pending> pending = new HashMap<>();
  private final Set<String> done = new HashSet<>();
  private final CollapseHistories histories = new CollapseHistories();

  /**
   * Adds a checkpoint's envelope; returns its report when every lag's fit is already in. An incomplete envelope is
   * refused (IllegalArgumentException) before anything is kept.
   */
  public Optional<io.horizon.proto.v1.LearnabilityReport> envelope(EnvelopeReport envelope) {
    EnvelopeMessages.check(envelope);
    String key = key(envelope.getRunId(), envelope.getEpoch());
    if (done.contains(key)) {
      return Optional.empty();
    }
    pending(key).envelope = envelope;
    return complete(key);
  }

  /**
   * Adds one lag's fit; returns the checkpoint's report when this was the last missing piece. A fit that does not
   * decode is refused (IllegalArgumentException) before anything is kept.
   */
  public Optional<io.horizon.proto.v1.LearnabilityReport> fit(StableFit fit) {
    FitMessages.decode(fit);
    String key = key(fit.getRunId(), fit.getEpoch());
    if (done.contains(key)) {
      return Optional.empty();
    }
    pending(key).fits.put(fit.getLag(), fit);
    return complete(key);
  }

  /** As {@link #published(String, int)} for a report read back, also restoring its anti-collapse history. */
  public void published(io.horizon.proto.v1.LearnabilityReport report) {
    published(report.getRunId(), report.getEpoch());
    if (report.hasCollapse()) {
      CollapseReports.withHistory(report, report.getCollapse(), histories);
    }
  }

  /** Marks a checkpoint whose report is already published (read back after a restart). */
  public void published(String runId, int epoch) {
    String key = key(runId, epoch);
    pending.remove(key);
    done.add(key);
  }

  private Pending pending(String key) {
    return pending.computeIfAbsent(key, k -> new Pending());
  }

  private Optional<io.horizon.proto.v1.LearnabilityReport> complete(String key) {
    Pending p = pending.get(key);
    if (p.envelope == null || p.fits.size() < p.envelope.getLagsCount()) {
      return Optional.empty();
    }
    EnvelopeReport e = p.envelope;
    io.horizon.core.stable.StableFit[] fits = new io.horizon.core.stable.StableFit[e.getLagsCount()];
    for (int i = 0; i < fits.length; i++) {
      StableFit f = p.fits.get(e.getLags(i));
      if (f == null) {
        return Optional.empty();
      }
      fits[i] = FitMessages.decode(f);
    }
    RunPlan plan = RunPlan.of(e.getRun());
    LearnabilityReport report = plan.diagnosis(1).learnability(EnvelopeMessages.decode(e), fits);
    pending.remove(key);
    done.add(key);
    io.horizon.proto.v1.LearnabilityReport message =
        ReportMessages.encode(e.getRun(), e.getEpoch(), e.getArchitecture(), report, plan.targetLags());
    io.horizon.proto.v1.LearnabilityReport joined =
        e.hasCoupling() ? message.toBuilder().setCoupling(e.getCoupling()).build() : message;
    return Optional.of(e.hasCollapse() ? CollapseReports.withHistory(joined, e.getCollapse(), histories) : joined);
  }

  /** Whether pieces of checkpoint {@code key} (see {@link #key}) are in and its report is still out. */
  public boolean isPending(String key) {
    return pending.containsKey(key);
  }

  /** The key of a checkpoint: run id and epoch. */
  public static String key(String runId, int epoch) {
    return runId + "/" + epoch;
  }

  /** What has arrived of one checkpoint. */
  private static final class Pending {
    EnvelopeReport envelope;
    final Map<Integer, StableFit> fits = new HashMap<>();
  }
}
