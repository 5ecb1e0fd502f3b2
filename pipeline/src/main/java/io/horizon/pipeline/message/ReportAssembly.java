package io.horizon.pipeline.message;

import io.horizon.core.learnability.LearnabilityReport;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.collapse.CollapseReports;
import io.horizon.pipeline.collapse.HistoryRelease;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.StableFit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The aggregator's join: the envelope report and every per-lag α-stable fit of one checkpoint (run, epoch), in any
 * order, become its learnability report (THEORY §6–7) through the same {@code core} call as the in-process
 * analysis; the envelope's time-scale coupling profile (THEORY §10), when it has one, is carried over unchanged. A
 * fit or envelope seen again after its report was made is ignored. A report whose envelope carries an anti-collapse
 * diagnosis gets the run's history (THEORY §11.3 items 8–9) from {@link HistoryRelease}, which holds it back until
 * the run's earlier checkpoints are diagnosed, so reports of such a run may come out later than their last piece.
 */
public final class ReportAssembly {
  private final Map<String, Pending> pending = new HashMap<>();
  private final Set<String> done = new HashSet<>();
  private final HistoryRelease histories = new HistoryRelease();

  /**
   * Adds a checkpoint's envelope; returns the reports it completes or releases, in the order to publish them. An
   * incomplete envelope, or one carrying a diagnosis its run cannot have (analyses off, epoch not a checkpoint), is
   * refused (IllegalArgumentException) before anything is kept.
   */
  public List<io.horizon.proto.v1.LearnabilityReport> envelope(EnvelopeReport envelope) {
    EnvelopeMessages.check(envelope);
    if (envelope.hasCollapse()) {
      CollapseReports.settings(RunPlan.of(envelope.getRun()), envelope.getEpoch());
    }
    String key = key(envelope.getRunId(), envelope.getEpoch());
    if (done.contains(key)) {
      return List.of();
    }
    pending(key).envelope = envelope;
    if (envelope.hasCollapse()) {
      histories.diagnosed(envelope.getRunId(), envelope.getEpoch(), envelope.getCollapse());
    }
    return complete(key, envelope.getRunId());
  }

  /**
   * Adds one lag's fit; returns the reports it completes or releases (at most its checkpoint's). A fit that does
   * not decode is refused (IllegalArgumentException) before anything is kept.
   */
  public List<io.horizon.proto.v1.LearnabilityReport> fit(StableFit fit) {
    FitMessages.decode(fit);
    String key = key(fit.getRunId(), fit.getEpoch());
    if (done.contains(key)) {
      return List.of();
    }
    pending(key).fits.put(fit.getLag(), fit);
    return complete(key, fit.getRunId());
  }

  /**
   * Marks a checkpoint whose report is already published (read back after a restart, before any envelope or fit),
   * keeping its anti-collapse diagnosis for the histories of the run's later checkpoints.
   */
  public void published(io.horizon.proto.v1.LearnabilityReport report) {
    String key = key(report.getRunId(), report.getEpoch());
    pending.remove(key);
    done.add(key);
    if (report.hasCollapse()) {
      histories.diagnosed(report.getRunId(), report.getEpoch(), report.getCollapse());
    }
  }

  private Pending pending(String key) {
    return pending.computeIfAbsent(key, k -> new Pending());
  }

  /** The reports of run {@code runId} that checkpoint {@code key}'s latest piece completes or releases. */
  private List<io.horizon.proto.v1.LearnabilityReport> complete(String key, String runId) {
    Optional<io.horizon.proto.v1.LearnabilityReport> report = assemble(key);
    if (report.isPresent() && !report.get().hasCollapse()) {
      return List.of(report.get());
    }
    report.ifPresent(histories::hold);
    return histories.release(runId);
  }

  /** Checkpoint {@code key}'s report, without its history, once every piece is in; it is then no longer pending. */
  private Optional<io.horizon.proto.v1.LearnabilityReport> assemble(String key) {
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
    io.horizon.proto.v1.LearnabilityReport.Builder message =
        ReportMessages.encode(e.getRun(), e.getEpoch(), e.getArchitecture(), report, plan.targetLags()).toBuilder();
    if (e.hasCoupling()) {
      message.setCoupling(e.getCoupling());
    }
    if (e.hasCollapse()) {
      message.setCollapse(e.getCollapse());
    }
    return Optional.of(message.build());
  }

  /** Whether pieces of checkpoint (run, epoch) are in and its report is still out: missing pieces, or held back. */
  public boolean isOpen(String runId, int epoch) {
    return pending.containsKey(key(runId, epoch)) || histories.isHeld(runId, epoch);
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
