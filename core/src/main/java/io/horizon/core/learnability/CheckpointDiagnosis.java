package io.horizon.core.learnability;

import io.horizon.core.kernel.DiagnosticPass;
import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.kernel.KernelOptions;
import io.horizon.core.kernel.ParallelLoop;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.random.Rng;
import io.horizon.core.stable.LagAccumulator;
import io.horizon.core.stable.StableEstimator;
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
    int lags = kernel.lags().length;
    LagAccumulator[] accumulators = new LagAccumulator[lags];
    for (int i = 0; i < lags; i++) {
      accumulators[i] = new LagAccumulator(reservoirCapacity, Rng.derive(seed, "reservoir/" + kernel.lags()[i]));
    }
    DiagnosticResult diagnostic = new DiagnosticPass(kernel).run(
        model, data, direction, (lag, values, count) -> accumulators[lag].add(values, count), progress);
    StableFit[] fits = fit(accumulators, diagnostic.orientation());
    double[] alpha = new double[lags];
    double[] gamma = new double[lags];
    boolean[] reliable = new boolean[lags];
    for (int i = 0; i < lags; i++) {
      alpha[i] = fits[i].alpha();
      gamma[i] = fits[i].gamma();
      reliable[i] = fits[i].reliable();
    }
    LagStatistics statistics = LagStatistics.of(diagnostic, alpha, gamma, reliable, null);
    return new Result(diagnostic, fits, LearnabilityReport.analyze(statistics, learnability));
  }

  /** Fits every lag on the pass's threads; samples of a lag oriented by −1 give the mirrored fit. */
  private StableFit[] fit(LagAccumulator[] accumulators, int[] orientation) {
    StableEstimator estimator = method.estimator();
    StableFit[] fits = new StableFit[accumulators.length];
    ParallelLoop.run(kernel.threads(), fits.length, i -> {
      StableFit f = accumulators[i].fit(estimator);
      fits[i] = orientation[i] < 0 ? f.mirrored() : f;
    });
    return fits;
  }
}
