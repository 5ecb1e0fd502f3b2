package io.horizon.cli;

import io.horizon.cli.campaign.CampaignRunner;
import io.horizon.proto.v1.CampaignSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./horizon demo}: the embedded default end to end — a real single-node KRaft broker (fresh: the demo's
 * broker data from a previous demo is deleted) and the four services as child processes on loopback, the built-in {@code quick} campaign (all five architectures) submitted over
 * gRPC with live progress, the learnability table, result files, stage times, and a clean shutdown.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Starts Kafka and the four services on this machine, runs the built-in quick campaign",
        "(5 architectures: train, diagnose, fit, aggregate) with live progress, prints architecture × N → H_N",
        "with regime, τ_env or β and median α̂, writes results under --out/<campaign>/ and stops everything."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", defaultValue = "horizon-out", paramLabel = "DIR",
      description = "results go to DIR/<campaign>/, the stack's data and logs to DIR/stack/ (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--campaign", defaultValue = "quick", paramLabel = "PRESET|FILE",
      description = "a preset (quick, paper-lw, paper-lw-cpu) or a campaign YAML file (default: ${DEFAULT-VALUE})")
  String campaign;

  @Override
  public Integer call() throws InterruptedException {
    CampaignSpec spec = CampaignSource.read(campaign);
    long start = System.nanoTime();
    try (EmbeddedSession session = EmbeddedSession.start(out, System.err)) {
      EmbeddedSession.Completed done = session.run(spec);
      CampaignRunner.Outcome outcome = done.outcome();
      System.out.print(outcome.results().table());
      System.out.printf(Locale.ROOT, "stages: stack up %.1f s, training + gradient samples %.1f s, remaining "
              + "reports %.1f s; total %.1f s%nresults in %s%nreport in %s%n", session.startSeconds(),
          outcome.trainingSeconds(), outcome.reportSeconds(), (System.nanoTime() - start) / 1e9,
          done.results().toAbsolutePath(), done.report().toAbsolutePath());
      return outcome.exitCode(System.err);
    }
  }
}
