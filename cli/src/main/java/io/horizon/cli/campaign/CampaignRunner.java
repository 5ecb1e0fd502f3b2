package io.horizon.cli.campaign;

import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Submits a campaign to a running pipeline, shows live progress until every run has ended, waits for the
 * learnability report of every checkpoint of the finished runs, and returns the results with stage times.
 */
public final class CampaignRunner {
  /** How long to wait for the last reports once training has ended. */
  static final Duration REPORT_TIMEOUT = Duration.ofMinutes(30);

  private final PipelineClient client;
  private final ReportFeed.Source reports;
  private final PrintStream progress;

  /** A runner that takes the reports from the aggregator's stream. */
  public CampaignRunner(PipelineClient client, PrintStream progress) {
    this(client, client::followReports, progress);
  }

  /** A runner that takes the reports from {@code reports}. */
  public CampaignRunner(PipelineClient client, ReportFeed.Source reports, PrintStream progress) {
    this.client = client;
    this.reports = reports;
    this.progress = progress;
  }

  /** What a campaign produced and how long its stages took. */
  public record Outcome(CampaignResults results, double trainingSeconds, double reportSeconds) {
    /** The runs that did not finish (failed or cancelled), with their reasons. */
    public List<RunStatus> unfinished() {
      return results.state().getRunsList().stream().filter(s -> s.getState() != RunState.FINISHED).toList();
    }

    /** Exit code of a command that ran the campaign: 0 when every run finished, else 1 after naming them. */
    public int exitCode(PrintStream err) {
      unfinished().forEach(s -> err.println("run " + s.getRunId() + " " + s.getState() + ": " + s.getReason()));
      return unfinished().isEmpty() ? 0 : 1;
    }
  }

  /** Runs {@code spec} to its end. */
  public Outcome run(CampaignSpec spec) throws InterruptedException {
    long start = System.nanoTime();
    CampaignState submitted = client.submit(spec);
    progress.printf(Locale.ROOT, "campaign %s: %d runs submitted%n", spec.getName(), submitted.getRunsCount());
    try (ReportFeed feed = reports.follow(spec.getName(),
        r -> progress.printf(Locale.ROOT, "report %s@%d: %s%n", r.getRunId(), r.getEpoch(), r.getSummary()))) {
      CampaignProgress watched = new CampaignProgress(progress);
      client.watch(spec.getName(), watched);
      double training = (System.nanoTime() - start) / 1e9;
      CampaignState ended = client.campaign(spec.getName());
      int expected = expectedReports(ended);
      progress.printf(Locale.ROOT, "campaign %s: training and gradient samples done in %.1f s; %d learnability "
          + "reports expected%n", spec.getName(), training, expected);
      long reportStart = System.nanoTime();
      List<LearnabilityReport> reports = feed.await(expected, REPORT_TIMEOUT);
      return new Outcome(new CampaignResults(ended, reports, watched.training()), training,
          (System.nanoTime() - reportStart) / 1e9);
    }
  }

  /** One report per checkpoint epoch of every finished run. */
  static int expectedReports(CampaignState state) {
    Map<String, RunSpec> runs = CampaignGrid.expand(state.getSpec()).stream()
        .collect(Collectors.toMap(RunSpec::getRunId, Function.identity()));
    int expected = 0;
    for (RunStatus s : state.getRunsList()) {
      if (s.getState() == RunState.FINISHED) {
        expected += RunPlan.of(runs.get(s.getRunId())).checkpointEpochs().length;
      }
    }
    return expected;
  }
}
