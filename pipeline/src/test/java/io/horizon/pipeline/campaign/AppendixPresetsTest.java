package io.horizon.pipeline.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.OptimizerSpec;
import org.junit.jupiter.api.Test;

/** The appendix presets (THEORY §8.3) are paper-lw-cpu with only the name and the optimizer changed. */
class AppendixPresetsTest {
  @Test
  void plainSgdAndMomentumDifferFromPaperLwCpuOnlyInTheOptimizer() {
    CampaignSpec adamw = CampaignFiles.preset("paper-lw-cpu");
    CampaignSpec sgd = CampaignFiles.preset("paper-lw-cpu-sgd");
    CampaignSpec momentum = CampaignFiles.preset("paper-lw-cpu-momentum");
    assertEquals(common(adamw), common(sgd));
    assertEquals(common(adamw), common(momentum));
    OptimizerSpec plain = sgd.getOptimizers(0);
    assertEquals("sgd", plain.getKind());
    assertEquals(0, plain.getMomentum());
    assertEquals(adamw.getOptimizers(0).getWeightDecay(), plain.getWeightDecay());
    OptimizerSpec heavyBall = momentum.getOptimizers(0);
    assertEquals("sgd-momentum", heavyBall.getKind());
    assertEquals(0.9, heavyBall.getMomentum());
    assertEquals(adamw.getOptimizers(0).getWeightDecay(), heavyBall.getWeightDecay());
  }

  private static CampaignSpec common(CampaignSpec spec) {
    return spec.toBuilder().clearName().clearOptimizers().build();
  }
}
