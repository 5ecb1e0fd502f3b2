package io.horizon.cli;

import io.horizon.broker.KraftBroker;
import io.horizon.cli.campaign.CampaignRunner;
import io.horizon.cli.campaign.PipelineClient;
import io.horizon.cli.report.ReportWriter;
import io.horizon.cli.stack.HorizonServices;
import io.horizon.cli.stack.LocalStack;
import io.horizon.cli.stack.StackAddresses;
import io.horizon.pipeline.grpc.ChannelSecurity;
import io.horizon.proto.v1.CampaignSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded stack of {@code demo} and {@code reproduce}: a fresh broker and the four services on loopback under
 * {@code <out>/stack/}, campaigns run on it one after another, each written to {@code <out>/<campaign>/} with its
 * HTML report.
 */
final class EmbeddedSession implements AutoCloseable {
  private final Path out;
  private final LocalStack stack;
  private final PrintStream progress;
  private final double startSeconds;

  private EmbeddedSession(Path out, LocalStack stack, PrintStream progress, double startSeconds) {
    this.out = out;
    this.stack = stack;
    this.progress = progress;
    this.startSeconds = startSeconds;
  }

  /** What one campaign left behind and how long writing its results and report took. */
  record Completed(CampaignRunner.Outcome outcome, Path results, Path report, double reportingSeconds) {}

  /** Deletes the broker data of a previous session under {@code out}, starts the stack and records its addresses. */
  static EmbeddedSession start(Path out, PrintStream progress) {
    long start = System.nanoTime();
    KraftBroker.deleteData(LocalStack.brokerDataDir(out));
    LocalStack stack = LocalStack.start(out, HorizonServices.definitions(Map.of()), progress);
    try {
      StackAddresses.write(out, stack);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return new EmbeddedSession(out, stack, progress, (System.nanoTime() - start) / 1e9);
  }

  /** Seconds from {@link #start} until every service was ready. */
  double startSeconds() {
    return startSeconds;
  }

  /** Runs {@code spec} with live progress, writes its result files and report; returns where they went. */
  Completed run(CampaignSpec spec) throws InterruptedException {
    CampaignRunner.Outcome outcome;
    try (PipelineClient client = new PipelineClient(stack.service("trainer").grpcAddress(),
        stack.service("aggregator").grpcAddress(), ChannelSecurity.NONE)) {
      outcome = new CampaignRunner(client, progress).run(spec);
    }
    long start = System.nanoTime();
    Path dir = outcome.results().write(out.resolve(spec.getName()));
    Path report = ReportWriter.write(dir, dir.resolve(ReportCommand.REPORT_DIR));
    return new Completed(outcome, dir, report, (System.nanoTime() - start) / 1e9);
  }

  /** Forgets the stack's addresses and stops it. */
  @Override
  public void close() {
    StackAddresses.remove(out);
    stack.close();
  }
}
