package io.horizon.aggregator.report;

import io.horizon.proto.v1.LearnabilityReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Every published learnability report, by run and epoch, for queries and live streams. */
@ApplicationScoped
public class ReportStore {
  private final Map<String, TreeMap<Integer, LearnabilityReport>> byRun = new HashMap<>();
  private final Set<String> campaigns = new LinkedHashSet<>();
  private final List<Consumer<LearnabilityReport>> watchers = new CopyOnWriteArrayList<>();

  /** Adds a report (replacing one of the same run and epoch) and tells the watchers. */
  public void add(LearnabilityReport report) {
    synchronized (this) {
      byRun.computeIfAbsent(report.getRunId(), k -> new TreeMap<>()).put(report.getEpoch(), report);
      campaigns.add(report.getCampaign());
    }
    watchers.forEach(w -> w.accept(report));
  }

  /** The report of a run at {@code epoch}, or at its latest epoch when {@code epoch} is 0. */
  public synchronized LearnabilityReport get(String runId, int epoch) {
    TreeMap<Integer, LearnabilityReport> reports = byRun.get(runId);
    if (reports == null || reports.isEmpty()) {
      throw new NoSuchElementException("run '" + runId + "' has no learnability report yet");
    }
    LearnabilityReport r = epoch == 0 ? reports.lastEntry().getValue() : reports.get(epoch);
    if (r == null) {
      throw new NoSuchElementException("run '" + runId + "' has no learnability report at epoch " + epoch);
    }
    return r;
  }

  /** Every report of a campaign, by run then epoch. */
  public synchronized List<LearnabilityReport> ofCampaign(String campaign) {
    List<LearnabilityReport> out = new ArrayList<>();
    byRun.values().forEach(m -> m.values().stream().filter(r -> r.getCampaign().equals(campaign)).forEach(out::add));
    out.sort((a, b) -> a.getRunId().equals(b.getRunId()) ? Integer.compare(a.getEpoch(), b.getEpoch())
        : a.getRunId().compareTo(b.getRunId()));
    return out;
  }

  /** Names of the campaigns with at least one report. */
  public synchronized List<String> campaigns() {
    return List.copyOf(campaigns);
  }

  /** Registers a watcher of new reports; remove it with {@link #unwatch}. */
  public void watch(Consumer<LearnabilityReport> watcher) {
    watchers.add(watcher);
  }

  public void unwatch(Consumer<LearnabilityReport> watcher) {
    watchers.remove(watcher);
  }
}
