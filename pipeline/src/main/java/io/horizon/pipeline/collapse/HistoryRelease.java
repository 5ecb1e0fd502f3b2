package io.horizon.pipeline.collapse;

import io.horizon.pipeline.campaign.CollapseSettings;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.LearnabilityReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The aggregator's side of the cross-checkpoint anti-collapse history (THEORY §11.3 items 8–9): a complete report
 * of a run with the analyses on is held back until the diagnoses of all the run's earlier checkpoints are in, then
 * released with the history over exactly its checkpoints with epoch ≤ e, as the in-process computation has it.
 *
 * <p>Why hold back rather than only sort: with several diagnostics or estimator instances a run's checkpoints can
 * complete out of epoch order, and a report published for epoch 8 before epoch 6 is known cannot be corrected
 * afterwards. Why wait for the earlier diagnoses and not for the earlier reports: the history is made of the
 * diagnoses alone, which come with each checkpoint's envelope; waiting for earlier fits as well would tie a run's
 * later reports to the estimator's slowest lag, and to a fit that is never published. The earlier epochs come from
 * the run's spec ({@link RunPlan#checkpointEpochs}); runs without the analyses never come here and never wait.
 */
public final class HistoryRelease {
  private static final Logger LOG = Logger.getLogger(HistoryRelease.class.getName());

  private final CollapseHistories histories = new CollapseHistories();
  private final Map<String, NavigableMap<Integer, Held>> held = new HashMap<>();

  /** A complete report waiting for its history: the run's settings and its earlier checkpoint epochs. */
  private record Held(LearnabilityReport report, CollapseSettings settings, int[] earlier) {}

  /** Keeps the diagnosis of checkpoint {@code epoch} of {@code runId} (from its envelope or its published report). */
  public void diagnosed(String runId, int epoch, CollapseDiagnosis diagnosis) {
    histories.keep(runId, epoch, diagnosis);
  }

  /**
   * Holds back {@code report}, complete and carrying its checkpoint's diagnosis (already {@link #diagnosed}), until
   * {@link #release} finds every earlier checkpoint of its run diagnosed.
   */
  public void hold(LearnabilityReport report) {
    RunPlan plan = RunPlan.of(report.getRun());
    int epoch = report.getEpoch();
    CollapseSettings settings = CollapseReports.settings(plan, epoch);
    int[] earlier = Arrays.stream(plan.checkpointEpochs()).filter(e -> e < epoch).toArray();
    held.computeIfAbsent(report.getRunId(), k -> new TreeMap<>()).put(epoch, new Held(report, settings, earlier));
    int[] missing = missing(report.getRunId(), earlier);
    if (missing.length > 0) {
      LOG.info(() -> "report " + report.getRunId() + "@" + epoch + " is held back until the envelopes of epochs "
          + Arrays.toString(missing) + " arrive: its collapse history needs their diagnoses");
    }
  }

  /**
   * The held reports of {@code runId} whose earlier checkpoints are all diagnosed, in epoch order, each with its
   * history; they are no longer held. The first one still missing an earlier diagnosis stops the release: every
   * later one misses that diagnosis too.
   */
  public List<LearnabilityReport> release(String runId) {
    NavigableMap<Integer, Held> run = held.get(runId);
    if (run == null) {
      return List.of();
    }
    List<LearnabilityReport> out = new ArrayList<>();
    Iterator<Held> waiting = run.values().iterator();
    while (waiting.hasNext()) {
      Held h = waiting.next();
      if (missing(runId, h.earlier()).length > 0) {
        break;
      }
      int epoch = h.report().getEpoch();
      out.add(h.report().toBuilder().setCollapseHistory(histories.upTo(runId, epoch, h.settings())).build());
      waiting.remove();
    }
    if (run.isEmpty()) {
      held.remove(runId);
    }
    return out;
  }

  /** Those of {@code epochs} of {@code runId} whose diagnosis is not in yet. */
  private int[] missing(String runId, int[] epochs) {
    return Arrays.stream(epochs).filter(e -> !histories.has(runId, e)).toArray();
  }

  /** Whether the report of checkpoint {@code epoch} of {@code runId} is held back. */
  public boolean isHeld(String runId, int epoch) {
    NavigableMap<Integer, Held> run = held.get(runId);
    return run != null && run.containsKey(epoch);
  }
}
