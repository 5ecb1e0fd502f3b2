package io.horizon.cli;

import io.horizon.cli.campaign.CampaignRunner;
import io.horizon.cli.campaign.KafkaReportFeed;
import io.horizon.cli.campaign.PipelineClient;
import io.horizon.cli.campaign.ReportFeed;
import io.horizon.cli.report.ReportWriter;
import io.horizon.cli.stack.StackAddresses;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.proto.v1.CampaignSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./horizon run CAMPAIGN}: submits a campaign to a running stack and follows it to its reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Submits a campaign (YAML file or preset) to a running stack (./horizon up, or external",
        "services), shows live progress, waits for every learnability report, prints the table and writes",
        "results and the HTML report under --out/<campaign>/. Resubmitting never retrains finished runs."})
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "campaign YAML file (docs/campaigns.md) or preset")
  String campaign;

  @Option(names = "--trainer", paramLabel = "HOST:PORT",
      description = "trainer service (default: the stack of ./horizon up, else " + StackAddresses.DEFAULT_TRAINER + ")")
  String trainer;

  @Option(names = "--aggregator", paramLabel = "HOST:PORT", description = "aggregator service (default: the "
      + "stack of ./horizon up, else " + StackAddresses.DEFAULT_AGGREGATOR + ")")
  String aggregator;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "the stack's Kafka broker: follow the "
      + "reports on the horizon.learnability topic instead of the aggregator's stream")
  String bootstrap;

  @Mixin ServiceAccess access;

  @Option(names = "--out", defaultValue = "horizon-out", paramLabel = "DIR",
      description = "results go to DIR/<campaign>/ (default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws InterruptedException {
    CampaignSpec spec = CampaignSource.read(campaign);
    try (PipelineClient client = new PipelineClient(
        StackAddresses.resolve(trainer, out, "trainer", StackAddresses.DEFAULT_TRAINER),
        StackAddresses.resolve(aggregator, out, "aggregator", StackAddresses.DEFAULT_AGGREGATOR),
        access.security())) {
      ReportFeed.Source reports = bootstrap == null ? client::followReports
          : (name, sink) -> new KafkaReportFeed(KafkaConnection.plaintext(bootstrap), name, sink);
      CampaignRunner.Outcome outcome = new CampaignRunner(client, reports, System.err).run(spec);
      Path dir = outcome.results().write(out.resolve(spec.getName()));
      Path report = ReportWriter.write(dir, dir.resolve(ReportCommand.REPORT_DIR));
      System.out.print(outcome.results().table());
      System.out.println("results in " + dir.toAbsolutePath() + "\nreport in " + report.toAbsolutePath());
      return outcome.exitCode(System.err);
    }
  }
}
