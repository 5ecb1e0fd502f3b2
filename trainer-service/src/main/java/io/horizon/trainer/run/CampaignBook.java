package io.horizon.trainer.run;

import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the trainer knows: every accepted campaign with the runs of its grid, and the latest status of every run.
 * Rebuilt from the campaigns and runs topics when the service starts; watchers hear every status change.
 */
@ApplicationScoped
public class CampaignBook {
  /** States after which a run is never trained again by a plain submission. */
  public static final Set<RunState> TERMINAL = EnumSet.of(RunState.FINISHED, RunState.FAILED, RunState.CANCELLED);

  private final Map<String, CampaignSpec> campaigns = new LinkedHashMap<>();
  private final Map<String, Map<String, RunSpec>> runs = new HashMap<>();
  private final Map<String, RunStatus> statuses = new HashMap<>();
  private final List<Consumer<RunStatus>> watchers = new CopyOnWriteArrayList<>();

  /** Records a campaign and its runs (replacing an earlier spec of the same name). */
  public synchronized void put(CampaignSpec spec, List<RunSpec> grid) {
    campaigns.put(spec.getName(), spec);
    Map<String, RunSpec> byId = new LinkedHashMap<>();
    grid.forEach(r -> byId.put(r.getRunId(), r));
    runs.put(spec.getName(), byId);
  }

  /** The runs of a campaign whose latest state is absent or in {@code redo}, in grid order. */
  public synchronized List<RunSpec> runsToTrain(String campaign, Set<RunState> redo) {
    List<RunSpec> out = new ArrayList<>();
    for (RunSpec r : runs.getOrDefault(campaign, Map.of()).values()) {
      RunStatus s = statuses.get(r.getRunId());
      if (s == null || redo.contains(s.getState())) {
        out.add(r);
      }
    }
    return out;
  }

  /** Records a status and tells the watchers. */
  public void update(RunStatus status) {
    synchronized (this) {
      statuses.put(status.getRunId(), status);
    }
    watchers.forEach(w -> w.accept(status));
  }

  /** The latest status of a run. */
  public synchronized Optional<RunStatus> status(String runId) {
    return Optional.ofNullable(statuses.get(runId));
  }

  /** The spec and run statuses of a campaign (PENDING for runs without a status yet). */
  public synchronized Optional<CampaignState> state(String campaign) {
    CampaignSpec spec = campaigns.get(campaign);
    if (spec == null) {
      return Optional.empty();
    }
    CampaignState.Builder b = CampaignState.newBuilder().setSpec(spec);
    for (RunSpec r : runs.get(campaign).values()) {
      b.addRuns(statuses.getOrDefault(r.getRunId(), pending(r)));
    }
    return Optional.of(b.build());
  }

  /** Names of every known campaign, in order of submission. */
  public synchronized List<String> campaigns() {
    return List.copyOf(campaigns.keySet());
  }

  /** Registers a watcher of status changes; remove it with {@link #unwatch}. */
  public void watch(Consumer<RunStatus> watcher) {
    watchers.add(watcher);
  }

  public void unwatch(Consumer<RunStatus> watcher) {
    watchers.remove(watcher);
  }

  /** A fresh PENDING status of a run. */
  public static RunStatus pending(RunSpec run) {
    return RunStatus.newBuilder()
        .setCampaign(run.getCampaign())
        .setRunId(run.getRunId())
        .setState(RunState.PENDING)
        .setEpochs(run.getEpochs())
        .setHeartbeatUnixMs(System.currentTimeMillis())
        .build();
  }
}
