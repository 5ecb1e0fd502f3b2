package io.horizon.pipeline.coupling;

import io.horizon.core.coupling.AnisotropyMetrics;
import io.horizon.core.coupling.GradientAnisotropy;
import io.horizon.core.coupling.JacobianAnisotropy;
import io.horizon.core.coupling.LagAnisotropy;
import io.horizon.core.coupling.SensitivityProfile;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.LeakyStepJacobians;
import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceDataset;
import io.horizon.core.task.Task;
import io.horizon.pipeline.campaign.CouplingSettings;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.v1.CouplingProfile;
import java.util.List;
import java.util.Optional;

/**
 * The time-scale coupling analyses of one checkpoint (THEORY §10), the same in the diagnostics service and in
 * process: S1 on a fixed probe batch of the run's task, S2 on a second probe batch (Jacobian side) and on fresh
 * single-sequence batches (gradient side); the probe batches are seeded by run seed + 999 unless the spec fixes them.
 */
public final class CouplingAnalysis {
  private CouplingAnalysis() {}

  /** The coupling profile of {@code model}, a checkpoint of the run of {@code plan}; empty when the spec has none. */
  public static Optional<CouplingProfile> of(RunPlan plan, GatedRnn model) {
    return plan.coupling().map(settings -> measure(settings, plan, model));
  }

  private static CouplingProfile measure(CouplingSettings settings, RunPlan plan, GatedRnn model) {
    Task task = plan.training().task().create();
    long runSeed = plan.training().seed();
    CouplingProfile.Builder b = CouplingProfile.newBuilder();
    if (settings.sensitivity()) {
      long seed = settings.sensitivitySeed(runSeed);
      LeakyStepJacobians jacobians = jacobians(model, task.generate(settings.sensitivitySequences(), seed));
      b.setSensitivity(CouplingMessages.sensitivity(
          SensitivityProfile.measure(jacobians, settings.powerIterations(), seed), settings.sensitivitySequences()));
    }
    if (settings.anisotropy()) {
      long seed = settings.anisotropySeed(runSeed);
      LeakyStepJacobians jacobians = jacobians(model, task.generate(settings.anisotropySequences(), seed));
      List<LagAnisotropy> lags = JacobianAnisotropy.measure(
          jacobians, settings.lags(), settings.pairsPerLag(), settings.rank(), settings.retained(), seed);
      SequenceDataset rows = task.generate(settings.gradientRows(), gradientSeed(seed));
      AnisotropyMetrics gradient = GradientAnisotropy.measure(model, rows, settings.rank(), settings.retained(), seed);
      b.setAnisotropy(CouplingMessages.anisotropy(
          lags, gradient, settings.gradientRows(), settings.rank(), settings.retained()));
    }
    return b.build();
  }

  /** The seed of the gradient side's fresh sequences, derived from the S2 probe seed. */
  private static long gradientSeed(long probeSeed) {
    return Rng.derive(probeSeed, "coupling/s2/gradient-rows");
  }

  private static LeakyStepJacobians jacobians(GatedRnn model, SequenceDataset probe) {
    return LeakyStepJacobians.of(model, model.forward(probe.batch(0, probe.count())));
  }
}
