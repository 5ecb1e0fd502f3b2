package io.horizon.core.learnability;

import io.horizon.core.kernel.DiagnosticPass;
import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.kernel.KernelOptions;
import io.horizon.core.kernel.LagSampleSink;
import io.horizon.core.kernel.ParallelLoop;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.random.Rng;
import io.horizon.core.stable.LagAccumulator;
import io.horizon.core.stable.StableFit;
import io.horizon.core.stable.StableMethod;
import io.horizon.core.task.SequenceDataset;
import java.util.function.IntConsumer;

/**
 * The whole analysis of one frozen checkpoint (THEORY §7): the diagnostic pass (μ kernels, envelope, matched
 * statistic, §4–5), one streaming accumulator and α-stable fit per lag (§7.1), then the learnability statistics
 * (N_min, Ĥ_N, fits, regime; §6–7). The command line and the services all run this same computation.
 *
 * @param kernel settings of the diagnostic pass
 * @param method the α-stable estimator
 * @param learnability settings of the learnability statistics
 * @param reservoirCapacity samples kept per lag for the fits (exact below it)
 * @param seed seed of the reservoirs (only matters above capacity)
 */
public record CheckpointDiagnosis(KernelOptions kernel, StableMethod method, LearnabilityOptions learnability,
    int reservoirCapacity, long seed) {

  /** What the analysis of one checkpoint produced. */
  public record Result(DiagnosticResult diagnostic, StableFit[] fits, LearnabilityReport report) {}

  /** Runs the analysis; {@code progress} receives the number of diagnostic sequences done. */
  public Result run(GatedRnn model, SequenceDataset data, ParameterSet direction, IntConsumer progress) {
    int[] lags = kernel.lags();
    LagAccumulator[] accumulators = new LagAccumulator[lags.length];
    for (int i = 0; i < lags.length; i++) {
      accumulators[i] = accumulator(lags[i]);
    }
    DiagnosticResult diagnostic =
        pass(model, data, direction, (lag, values, count) -> accumulators[lag].add(values, count), progress);
    StableFit[] fits = new StableFit[lags.length];
    ParallelLoop.run(kernel.threads(), fits.length, i -> fits[i] = fit(accumulators[i], diagnostic.orientation()[i]));
    return new Result(diagnostic, fits, learnability(diagnostic, fits));
  }

  /** The diagnostic pass alone (THEORY §4–5): envelope, profile and exact sums; the samples go to {@code sink}. */
  public DiagnosticResult pass(GatedRnn model, SequenceDataset data, ParameterSet direction, LagSampleSink sink,
      IntConsumer progress) {
    return new DiagnosticPass(kernel).run(model, data, direction, sink, progress);
  }

  /** The empty streaming accumulator of lag {@code lag}, its reservoir seeded from {@link #seed} and the lag. */
  public LagAccumulator accumulator(int lag) {
    return new LagAccumulator(reservoirCapacity, Rng.derive(seed, "reservoir/" + lag));
  }

  /** The α-stable fit of one lag's samples; samples oriented by −1 give the mirrored fit (THEORY §5.3, §7.1). */
  public StableFit fit(LagAccumulator samples, int orientation) {
    StableFit f = samples.fit(method.estimator());
    return orientation < 0 ? f.mirrored() : f;
  }

  /** The learnability statistics (THEORY §6–7) of a pass and its per-lag fits. */
  public LearnabilityReport learnability(DiagnosticResult diagnostic, StableFit[] fits) {
    int lags = fits.length;
    double[] alpha = new double[lags];
    double[] gamma = new double[lags];
    boolean[] reliable = new boolean[lags];
    for (int i = 0; i < lags; i++) {
      alpha[i] = fits[i].alpha();
      gamma[i] = fits[i].gamma();
      reliable[i] = fits[i].reliable();
    }
    LagStatistics statistics = LagStatistics.of(diagnostic, alpha, gamma, reliable, null);
    return LearnabilityReport.analyze(statistics, learnability);
  }
}
