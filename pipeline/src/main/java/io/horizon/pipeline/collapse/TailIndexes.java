package io.horizon.pipeline.collapse;

import io.horizon.core.collapse.SlowModeTailIndex;
import io.horizon.core.collapse.TailCalibration;
import io.horizon.core.random.Rng;
import io.horizon.pipeline.campaign.CollapseSettings;
import io.horizon.proto.v1.SlowModeTail;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The calibrated tail index of THEORY §11.3 item 10 on one sample, as its message: the reason when the sample cannot
 * give one, else α_eff with its bootstrap interval and tests. Calibrations are built once per sample size and kept.
 */
final class TailIndexes {
  private final CollapseSettings settings;
  private final Map<Integer, TailCalibration> calibrations = new HashMap<>();

  TailIndexes(CollapseSettings settings) {
    this.settings = settings;
  }

  /**
   * {@code start} completed with the index of {@code samples}, or with the reason it is unavailable prefixed by
   * {@code what}; the bootstrap draws from the stream of {@code label}.
   */
  SlowModeTail estimate(SlowModeTail.Builder start, double[] samples, String what, String label) {
    Optional<String> unusable = SlowModeTailIndex.unusable(samples);
    if (unusable.isPresent()) {
      return start.setSize(samples.length).setUnavailable(what + ": " + unusable.get()).build();
    }
    TailCalibration calibration = calibrations.computeIfAbsent(samples.length,
        n -> TailCalibration.build(n, settings.calibrationReplicates(), settings.seed()));
    SlowModeTailIndex index = SlowModeTailIndex.estimate(samples, calibration, settings.tailBootstraps(),
        Rng.derive(settings.seed(), label));
    return start.setEstimated(true).setSize(index.size()).setK(index.k()).setGamma(index.gamma())
        .setAlphaEff(index.alphaEff()).setAlphaLo(index.lo()).setAlphaHi(index.hi())
        .setGaussianP(index.gaussianPValue()).setHeavy(index.substantivelyHeavy())
        .setGaussianRejected(index.gaussianRejected()).build();
  }
}
