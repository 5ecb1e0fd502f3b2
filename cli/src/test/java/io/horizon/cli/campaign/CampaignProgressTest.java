package io.horizon.cli.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress printer keeps one training point per run and epoch, whatever the heartbeats and stages. */
class CampaignProgressTest {
  @Test
  void recordsEachEpochOnceWithItsLossAndR2() {
    CampaignProgress progress = new CampaignProgress(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    RunStatus base = RunStatus.newBuilder().setRunId("r").setState(RunState.RUNNING).setEpochs(2).build();
    progress.accept(base.toBuilder().setStage("training").build());
    progress.accept(base.toBuilder().setEpoch(1).setTrainLoss(0.5).setValidationR2(0.1).setStage("training").build());
    progress.accept(base.toBuilder().setEpoch(1).setTrainLoss(0.5).setValidationR2(0.1).setStage("checkpoint")
        .build());
    progress.accept(base.toBuilder().setEpoch(1).setTrainLoss(0.5).setValidationR2(0.1).setStage("checkpoint")
        .setHeartbeatUnixMs(1).build());
    progress.accept(base.toBuilder().setEpoch(2).setTrainLoss(0.25).setValidationR2(0.4).setState(RunState.FINISHED)
        .build());
    assertEquals(List.of(new TrainingPoint("r", 1, 0.5, 0.1), new TrainingPoint("r", 2, 0.25, 0.4)),
        progress.training());
  }
}
