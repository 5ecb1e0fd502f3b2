package io.horizon.pipeline.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import io.horizon.core.stable.StableSampler;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.CollapseSettings;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.CollapseHistory;
import io.horizon.proto.v1.SlowModeTail;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The history's second tail estimate of THEORY §11.3 item 10: the tail index of the drift-subtracted ζ transitions
 * on the far-left slice, on simulated ζ populations whose transitions carry SαS(1.5) or Gaussian noise around a
 * constant drift; too few transitions give the reason instead.
 */
class ResidualTailTest {
  private static final int CHECKPOINTS = 16;
  private static final double DRIFT = 0.02;

  private static CollapseSettings settings() {
    String campaign = CollapseRun.campaign("residual-tail", 1, 1, 1, "{bootstrapResamples: 100, calibrationReplicates: 60, tailBootstraps: 20}");
    return RunPlan.of(CampaignGrid.expand(CampaignFiles.parse(campaign, "test")).get(0)).collapse().orElseThrow();
  }

  /** The history after {@link #CHECKPOINTS} checkpoints of {@code units} units: ζ_{t+1} = ζ_t + κ + noise. */
  private static CollapseHistory history(int units, DoubleSupplier noise) {
    Rng rng = new Rng(3);
    double[] zeta = new double[units];
    for (int q = 0; q < units; q++) {
      zeta[q] = -4 + rng.gaussian();
    }
    CollapseHistories histories = new CollapseHistories();
    CollapseHistory last = null;
    for (int t = 0; t < CHECKPOINTS; t++) {
      CollapseDiagnosis.Builder d = CollapseDiagnosis.newBuilder().setPhaseCode(0);
      for (int q = 0; q < units; q++) {
        d.addZeta(zeta[q]);
        zeta[q] += DRIFT + noise.getAsDouble();
      }
      last = histories.add("r", t + 1, d.build(), settings());
    }
    return last;
  }

  @Test
  void heavyTailedTransitionsGiveAnAlphaNearTheirOwnAndGaussianOnesDoNot() {
    Rng rng = new Rng(11);
    StableSampler stable = StableSampler.symmetric(1.5, 0.01);
    SlowModeTail heavy = history(1000, () -> stable.sample(rng)).getResidualTail();
    assertEquals(CollapseHistories.RESIDUAL_KIND, heavy.getSampleKind());
    assertTrue(heavy.getEstimated(), heavy.getUnavailable());
    assertEquals(1.5, heavy.getAlphaEff(), 0.3, heavy.toString());
    assertTrue(heavy.getHeavy(), heavy.toString());
    SlowModeTail gaussian = history(1000, () -> 0.01 * rng.gaussian()).getResidualTail();
    assertTrue(gaussian.getEstimated(), gaussian.getUnavailable());
    assertFalse(gaussian.getHeavy(), gaussian.toString());
  }

  @Test
  void tooFewTransitionsGiveTheReason() {
    Rng rng = new Rng(12);
    CollapseHistory h = history(40, () -> 0.01 * rng.gaussian());
    assertTrue(h.getDriftEstimated(), h.getDriftUnavailable());
    SlowModeTail tail = h.getResidualTail();
    assertFalse(tail.getEstimated());
    assertEquals(h.getTransitions(), tail.getRecorded());
    assertTrue(tail.getUnavailable().startsWith("drift-subtracted transitions: "), tail.getUnavailable());
    assertTrue(tail.getUnavailable().contains("needs at least"), tail.getUnavailable());
  }
}
