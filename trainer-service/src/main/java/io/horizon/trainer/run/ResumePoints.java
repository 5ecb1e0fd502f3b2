package io.horizon.trainer.run;

import io.horizon.proto.v1.TrainingState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest saved training state of every run (THEORY §8.2), from which an interrupted run goes on instead of
 * starting over: filled from the compacted {@code horizon.training-state} topic at start and by every checkpoint.
 */
@ApplicationScoped
public class ResumePoints {
  private final Map<String, TrainingState> latest = new ConcurrentHashMap<>();

  /** Records a run's state, keeping the later epoch when one is already known. */
  public void put(TrainingState state) {
    latest.merge(state.getRunId(), state, (known, next) -> next.getEpoch() >= known.getEpoch() ? next : known);
  }

  /** The latest state of a run, if one was saved. */
  public Optional<TrainingState> of(String runId) {
    return Optional.ofNullable(latest.get(runId));
  }
}
