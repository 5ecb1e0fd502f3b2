package io.horizon.cli.campaign;

import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Live progress of a campaign on the terminal: a line whenever a run changes state, stage or epoch (heartbeats
 * alone print nothing), with the count of ended runs, the epoch, the loss and validation R²; it keeps the loss and
 * R² of every epoch it saw, the training curves of the report.
 */
public final class CampaignProgress implements Consumer<RunStatus> {
  private final PrintStream out;
  private final Map<String, RunStatus> last = new HashMap<>();
  private final List<TrainingPoint> training = new ArrayList<>();

  public CampaignProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(RunStatus s) {
    RunStatus before = last.put(s.getRunId(), s);
    if (before != null && before.getState() == s.getState() && before.getStage().equals(s.getStage())
        && before.getEpoch() == s.getEpoch()) {
      return;
    }
    if (s.getEpoch() > 0 && (before == null || before.getEpoch() != s.getEpoch())) {
      training.add(new TrainingPoint(s.getRunId(), s.getEpoch(), s.getTrainLoss(), s.getValidationR2()));
    }
    long ended = last.values().stream().filter(r -> r.getState() == RunState.FINISHED
        || r.getState() == RunState.FAILED || r.getState() == RunState.CANCELLED).count();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%d/%d ended] %-28s %-9s", ended,
        last.size(), s.getRunId(), s.getState()));
    if (s.getEpoch() > 0) {
      line.append(String.format(Locale.ROOT, " epoch %d/%d loss %.4g val R² %.3f", s.getEpoch(), s.getEpochs(),
          s.getTrainLoss(), s.getValidationR2()));
    }
    if (!s.getStage().isEmpty()) {
      line.append("  ").append(s.getStage());
    }
    if (!s.getReason().isEmpty()) {
      line.append("  (").append(s.getReason()).append(')');
    }
    out.println(line);
  }

  /** The metrics of every epoch seen so far, in arrival order. */
  public List<TrainingPoint> training() {
    return List.copyOf(training);
  }
}
