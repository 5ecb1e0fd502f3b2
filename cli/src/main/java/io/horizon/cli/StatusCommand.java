package io.horizon.cli;

import io.horizon.cli.campaign.PipelineClient;
import io.horizon.cli.stack.StackAddresses;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./horizon status}: the campaigns a trainer knows and the state of each of their runs. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Lists the campaigns of a running stack and the state, epoch, stage and loss of every run.")
final class StatusCommand implements Callable<Integer> {
  @Option(names = "--trainer", paramLabel = "HOST:PORT",
      description = "trainer service (default: the stack of ./horizon up, else " + StackAddresses.DEFAULT_TRAINER + ")")
  String trainer;

  @Mixin ServiceAccess access;

  @Option(names = "--out", defaultValue = "horizon-out", paramLabel = "DIR",
      description = "where ./horizon up keeps its addresses (default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws InterruptedException {
    String address = StackAddresses.resolve(trainer, out, "trainer", StackAddresses.DEFAULT_TRAINER);
    try (PipelineClient client = PipelineClient.ofTrainer(address, access.security())) {
      List<String> campaigns = client.campaigns();
      if (campaigns.isEmpty()) {
        System.out.println("no campaigns yet");
      }
      long now = System.currentTimeMillis();
      for (String name : campaigns) {
        CampaignState state = client.campaign(name);
        System.out.println("campaign " + name + ": " + state.getRunsCount() + " runs");
        List<String[]> rows = new ArrayList<>();
        for (RunStatus s : state.getRunsList()) {
          rows.add(new String[] {s.getRunId(), s.getState().toString(), s.getEpoch() + "/" + s.getEpochs(),
              String.format(Locale.ROOT, "%.0f%%", 100 * s.getProgress()), s.getStage(),
              String.format(Locale.ROOT, "%.4g", s.getTrainLoss()), String.format(Locale.ROOT, "%.3f",
              s.getValidationR2()), String.format(Locale.ROOT, "%.0f s", (now - s.getHeartbeatUnixMs()) / 1e3),
              s.getReason()});
        }
        System.out.print(TextTable.markdown(new String[] {"run", "state", "epoch", "progress", "stage", "loss",
            "val_R2", "heartbeat_age", "reason"}, rows));
      }
    }
    return 0;
  }
}
