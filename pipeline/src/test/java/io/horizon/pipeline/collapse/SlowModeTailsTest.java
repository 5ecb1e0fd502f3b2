package io.horizon.pipeline.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.model.GatedRnn;
import io.horizon.core.train.EpochMetrics;
import io.horizon.core.train.Optimizer;
import io.horizon.core.train.OptimizerSpec;
import io.horizon.core.train.Trainer;
import io.horizon.core.train.TrainingListener;
import io.horizon.core.train.TrainingState;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.message.CheckpointMessages;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.SlowModeTail;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slow-mode tail index on the checkpoints of a run (THEORY §11.3 item 10): a forced const run gets an estimate
 * at every checkpoint from a sample of the increments since the previous one, and a run resumed from a checkpoint's
 * training state gets the same estimates afterwards; too few increments, a gru run and a run without the analyses
 * say why they have none, or carry nothing.
 */
class SlowModeTailsTest {
  private static final String CAMPAIGN = """
      name: slow-mode-tails
      architectures: [const, gru]
      seeds: [7]
      hiddenSizes: [20]
      trainSequences: [48]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 24, inputDim: 3, lags: [2, 6], coefficients: [0.5, 0.3]}
      epochs: 3
      batchSize: 16
      checkpointEvery: 1
      diagnostic:
        sequences: 16
        lags: "2:20:6"
        collapse: {qLow: 0.25, calibrationReplicates: 40, tailBootstraps: 20, slowModeSamples: 280}
      forcing: {slowQuantile: 0.25}
      """;

  @Test
  void forcedConstRunHasAnIndexAtEveryCheckpointAndAResumedRunTheSame() {
    RunSpec forced = runs(CAMPAIGN).get(1);
    assertTrue(forced.hasForcing());
    Stamps whole = train(forced, null);
    assertEquals(3, whole.tails.size());
    for (SlowModeTail tail : whole.tails) {
      assertTrue(tail.getEstimated(), tail.getUnavailable());
      assertEquals(300, tail.getRecorded(), "3 steps × ⌈0.25·20⌉ slow rows × 20 entries");
      assertEquals(280, tail.getSize(), "a sample of slowModeSamples of them");
      assertEquals(50, tail.getK());
      assertTrue(tail.getAlphaLo() <= tail.getAlphaEff() && tail.getAlphaEff() <= tail.getAlphaHi(), tail.toString());
      assertEquals(tail.getAlphaEff() <= 1.8, tail.getHeavy());
      assertEquals(tail.getGaussianP() < 0.05, tail.getGaussianRejected());
    }
    assertFalse(whole.tails.get(1).equals(whole.tails.get(2)), "each checkpoint has its own increments");

    Stamps resumed = train(forced, whole.states.get(0));
    assertEquals(whole.tails.subList(1, 3), resumed.tails, "checkpoints 2 and 3 after resuming from 1");
  }

  @Test
  void tooFewIncrementsSayHowMany() {
    RunSpec run = runs(CAMPAIGN.replace("qLow: 0.25, ", "")).get(0);
    SlowModeTail tail = train(run, null).tails.get(0);
    assertFalse(tail.getEstimated());
    assertEquals(120, tail.getRecorded(), "3 steps × ⌈0.10·20⌉ slow rows × 20 entries");
    assertEquals("increments since the previous checkpoint: 120 samples, the moment estimator needs at least 250",
        tail.getUnavailable());
  }

  @Test
  void gruRunSaysWhyAndRecordsNothing() {
    RunPlan gru = RunPlan.of(runs(CAMPAIGN).get(2));
    SlowModeTails tails = SlowModeTails.of(gru);
    Optimizer plain = OptimizerSpec.adamw(0.01, 0).create();
    assertSame(plain, tails.updates().apply(plain), "the optimizer is not wrapped");
    SlowModeTail tail = tails.stamp(Checkpoint.newBuilder().setEpoch(1).build()).getSlowModeTail();
    assertFalse(tail.getEstimated());
    assertTrue(tail.getUnavailable().startsWith("architecture gru: "), tail.getUnavailable());
  }

  @Test
  void withoutTheAnalysesNothingIsCarried() {
    RunSpec run = runs(CAMPAIGN.replace(
        "  collapse: {qLow: 0.25, calibrationReplicates: 40, tailBootstraps: 20, slowModeSamples: 280}\n", "")).get(0);
    Checkpoint checkpoint = Checkpoint.newBuilder().setEpoch(1).build();
    Checkpoint stamped = SlowModeTails.of(RunPlan.of(run)).stamp(checkpoint);
    assertFalse(stamped.hasSlowModeTail());
    CollapseDiagnosis diagnosis = CollapseDiagnosis.newBuilder().setUnits(3).build();
    assertEquals(diagnosis, SlowModeTails.carry(diagnosis, stamped));
    SlowModeTail tail = SlowModeTail.newBuilder().setUnavailable("why").build();
    assertEquals(tail,
        SlowModeTails.carry(diagnosis, checkpoint.toBuilder().setSlowModeTail(tail).build()).getSlowModeTail());
  }

  /** The tails stamped on the checkpoints of {@code run} and its training states, trained from {@code from}. */
  private static Stamps train(RunSpec run, TrainingState from) {
    RunPlan plan = RunPlan.of(run);
    io.horizon.core.train.RunSpec spec = plan.training();
    SlowModeTails tails = SlowModeTails.of(plan);
    Stamps stamps = new Stamps(run, tails);
    Trainer trainer = new Trainer(spec.training(), tails.updates());
    if (from == null) {
      trainer.train(spec.initialModel(), spec.task().create(), stamps);
    } else {
      trainer.resume(spec.initialModel(), spec.task().create(), from, stamps);
    }
    return stamps;
  }

  /** Stamps every checkpoint and keeps its tail, and keeps the training states. */
  private static final class Stamps implements TrainingListener {
    final RunSpec run;
    final SlowModeTails source;
    final List<SlowModeTail> tails = new ArrayList<>();
    final List<TrainingState> states = new ArrayList<>();

    Stamps(RunSpec run, SlowModeTails source) {
      this.run = run;
      this.source = source;
    }

    @Override
    public void checkpointDue(int epoch, EpochMetrics metrics, GatedRnn model) {
      tails.add(source.stamp(CheckpointMessages.encode(run, epoch, model, null)).getSlowModeTail());
    }

    @Override
    public void checkpointState(TrainingState state) {
      states.add(state);
    }
  }

  private static List<RunSpec> runs(String yaml) {
    return CampaignGrid.expand(CampaignFiles.parse(yaml, "test"));
  }
}
