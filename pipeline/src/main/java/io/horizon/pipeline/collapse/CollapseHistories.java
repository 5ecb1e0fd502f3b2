package io.horizon.pipeline.collapse;

import io.horizon.core.collapse.CollapsePhase;
import io.horizon.core.collapse.RestoringDrift;
import io.horizon.core.collapse.ThresholdCrossing;
import io.horizon.core.collapse.ZetaStabilisation;
import io.horizon.pipeline.campaign.CollapseSettings;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.CollapseHistory;
import io.horizon.proto.v1.SlowModeTail;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The cross-checkpoint anti-collapse quantities of each run (THEORY §11.3 items 8–10): it keeps every run's
 * per-checkpoint diagnoses (ζ per unit and phase) and derives, at a checkpoint, t_cross with its censoring flags,
 * κ̂_tail over the transitions between the run's checkpoints up to it with the tail index of its drift-subtracted
 * transitions, and the ζ mean/variance trends. The history at epoch e is a function of the kept diagnoses with
 * epoch ≤ e alone, in epoch order, whatever order they were kept in; the aggregator ({@link HistoryRelease}) asks for it only once every earlier checkpoint is kept, the
 * in-process reference keeps the checkpoints in epoch order and asks at once ({@link #add}).
 */
public final class CollapseHistories {
  /** What the residual tail index is computed on (THEORY §11.3 item 10, second estimate). */
  public static final String RESIDUAL_KIND = "drift-subtracted ζ transitions on the far-left slice";

  private final Map<String, NavigableMap<Integer, CollapseDiagnosis>> runs = new HashMap<>();

  /** Keeps the diagnosis of checkpoint {@code epoch} of {@code runId} (a repeat replaces it). */
  public void keep(String runId, int epoch, CollapseDiagnosis diagnosis) {
    runs.computeIfAbsent(runId, k -> new TreeMap<>()).put(epoch, diagnosis);
  }

  /** Whether the diagnosis of checkpoint {@code epoch} of {@code runId} is kept. */
  public boolean has(String runId, int epoch) {
    NavigableMap<Integer, CollapseDiagnosis> run = runs.get(runId);
    return run != null && run.containsKey(epoch);
  }

  /**
   * The history of {@code runId} over its kept checkpoints with epoch ≤ {@code epoch}; the diagnosis of
   * {@code epoch} itself must be kept (IllegalArgumentException otherwise).
   */
  public CollapseHistory upTo(String runId, int epoch, CollapseSettings settings) {
    if (!has(runId, epoch)) {
      throw new IllegalArgumentException("collapse history of " + runId + "@" + epoch
          + ": the checkpoint's own diagnosis is not kept");
    }
    return history(runs.get(runId).headMap(epoch, true), settings);
  }

  /** Keeps checkpoint {@code epoch} of {@code runId} and returns the history over its checkpoints up to it. */
  public CollapseHistory add(String runId, int epoch, CollapseDiagnosis diagnosis, CollapseSettings settings) {
    keep(runId, epoch, diagnosis);
    return upTo(runId, epoch, settings);
  }

  /** The history over {@code checkpoints}, in epoch order. */
  private static CollapseHistory history(NavigableMap<Integer, CollapseDiagnosis> checkpoints,
      CollapseSettings settings) {
    int m = checkpoints.size();
    int[] epochs = new int[m];
    CollapsePhase[] phases = new CollapsePhase[m];
    double[][] zeta = new double[m][];
    int t = 0;
    for (Map.Entry<Integer, CollapseDiagnosis> e : checkpoints.entrySet()) {
      epochs[t] = e.getKey();
      phases[t] = CheckpointCollapse.phase(e.getValue());
      zeta[t++] = e.getValue().getZetaList().stream().mapToDouble(Double::doubleValue).toArray();
    }
    CollapseHistory.Builder b = CollapseHistory.newBuilder();
    for (int i = 0; i < m; i++) {
      b.addEpochs(epochs[i]).addPhaseCodes(phases[i].ordinal());
    }
    ThresholdCrossing crossing = ThresholdCrossing.of(epochs, phases);
    b.setCrossed(crossing.epoch().isPresent()).setTCross(crossing.epoch().orElse(0))
        .setLeftCensored(crossing.leftCensored()).setRightCensored(crossing.rightCensored());
    drift(b, zeta, settings);
    stabilisation(b, epochs, zeta);
    return b.build();
  }

  /**
   * κ̂_tail (THEORY §11.3 item 9) with the tail index of its drift-subtracted transitions (item 10), or the reason it
   * is unavailable.
   */
  private static void drift(CollapseHistory.Builder b, double[][] zeta, CollapseSettings settings) {
    b.setKappa(Double.NaN).setKappaLo(Double.NaN).setKappaHi(Double.NaN).setDriftLinearSlope(Double.NaN);
    if (zeta.length < 2) {
      b.setDriftUnavailable("one checkpoint so far: no transitions");
      return;
    }
    try {
      RestoringDrift d = RestoringDrift.estimate(zeta, settings.qLow(), settings.resamples(), settings.seed());
      b.setDriftEstimated(true).setKappa(d.kappa()).setKappaLo(d.lo()).setKappaHi(d.hi())
          .setKappaPositive(d.positive()).setTransitions(d.transitions()).setDriftLinearSlope(d.linearSlope())
          .setDriftLinearPreferred(d.linearPreferred())
          .setResidualTail(new TailIndexes(settings).estimate(
              SlowModeTail.newBuilder().setSampleKind(RESIDUAL_KIND).setRecorded(d.residuals().length),
              d.residuals(), "drift-subtracted transitions", "residual tail " + zeta.length));
    } catch (IllegalArgumentException e) {
      b.setDriftUnavailable(e.getMessage());
    }
  }

  /** Mean and variance of ζ per checkpoint and their trends per epoch; trends NaN before two checkpoints. */
  private static void stabilisation(CollapseHistory.Builder b, int[] epochs, double[][] zeta) {
    b.setZetaMeanTrend(Double.NaN).setZetaVarianceTrend(Double.NaN);
    if (epochs.length < 2) {
      return;
    }
    try {
      ZetaStabilisation s = ZetaStabilisation.of(epochs, zeta);
      for (int i = 0; i < epochs.length; i++) {
        b.addZetaMeans(s.means()[i]).addZetaVariances(s.variances()[i]);
      }
      b.setZetaMeanTrend(s.meanTrend()).setZetaVarianceTrend(s.varianceTrend());
    } catch (IllegalArgumentException e) {
      b.clearZetaMeans().clearZetaVariances();
    }
  }
}
