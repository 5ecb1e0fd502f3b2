package io.horizon.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ModelChecks;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.RetentionTrace;
import io.horizon.core.model.TangentMode;
import io.horizon.core.model.Trajectory;
import io.horizon.core.task.SequenceBatch;
import io.horizon.core.task.SequenceDataset;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The samples the diagnostic pass streams equal THEORY §5.4 written out from the model's own pieces:
 * ψ_{b,t}(ℓ) = Σ_q μ^{(q)}_{t,ℓ} δ^{(q)}_t v^{(q)}_{t−ℓ} with δ_t = (ŷ_t − y_t) w_out, v_k = (dh_k/dθ)[u] the total
 * hidden-state tangent (for the LSTM too) and μ from naive window products, for every architecture, over several
 * batches and shards.
 */
class MatchedSamplesTest {
  private static final int D = 3;
  private static final int H = 4;
  private static final int LENGTH = 24;
  private static final int SEQUENCES = 7;

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void samplesEqualTheDefinitionFromTheModel(Architecture architecture) {
    GatedRnn model = ModelChecks.randomModel(new ModelConfig(architecture, D, H, false, 0.05), 71, 0.5);
    SequenceDataset data = ModelChecks.randomDataset(SEQUENCES, LENGTH, D, 72);
    int[] lags = {1, 4, 11, LENGTH - 1};
    KernelOptions options = KernelOptions.defaults(lags).withBatchSize(3).withThreads(2)
        .withGauge(new SignGauge(SignGauge.Mode.NONE, 0));
    CollectedPass pass = CollectedPass.run(model, data, options);

    SequenceBatch batch = data.batch(0, SEQUENCES);
    Trajectory trajectory = model.forward(batch);
    RetentionTrace trace = model.retention(trajectory, options.retention());
    double[] v = model.tangent(trajectory, CollectedPass.direction(model), TangentMode.TOTAL).hidden();
    double[] readout = model.parameters().data("out.weight");
    for (int i = 0; i < lags.length; i++) {
      int ell = lags[i];
      double[] psi = pass.samples(i);
      assertEquals(SEQUENCES * (LENGTH - ell), psi.length, "samples at lag " + ell);
      for (int b = 0; b < SEQUENCES; b++) {
        for (int t = ell; t < LENGTH; t++) {
          double error = trajectory.predictions()[b * LENGTH + t] - batch.y()[b * LENGTH + t];
          double expected = 0;
          for (int q = 0; q < H; q++) {
            double mu = NaiveMu.of(trace, b, t, ell, q, true, options.resetEnvelopes());
            expected += mu * error * readout[q] * v[(b * LENGTH + t - ell) * H + q];
          }
          assertEquals(expected, psi[b * (LENGTH - ell) + t - ell], 1e-10 * (1 + Math.abs(expected)),
              architecture + " ψ at b=" + b + " t=" + t + " ℓ=" + ell);
        }
      }
    }
  }

  /**
   * The kernels sum blocks of sequences on several workers and join the blocks in a fixed order: on the same batch
   * factors (more than one block of sequences, per-neuron gauge on), one and three threads give bit-identical sums
   * and samples.
   */
  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"DIAG", "LSTM"})
  void kernelResultsDoNotDependOnTheThreadCount(Architecture architecture) {
    GatedRnn model = ModelChecks.randomModel(new ModelConfig(architecture, D, H, false, 0.05), 73, 0.5);
    SequenceDataset data = ModelChecks.randomDataset(21, LENGTH, D, 74);
    int[] lags = {1, 5, LENGTH - 1};
    KernelOptions options = KernelOptions.defaults(lags).withThreads(2);
    BatchFactors[] shards = BatchFactors.of(model, data, 0, 21, CollectedPass.direction(model), options);
    double[][] signs = DiagnosticPass.pilotSigns(lags, shards, LENGTH, H);
    LagKernel kernel = new LagKernel(shards, SignGauge.GLOBAL);
    LagTotals[][] totals = new LagTotals[2][lags.length];
    double[][][] samples = new double[2][lags.length][];
    int[] threads = {1, 3};
    for (int run = 0; run < 2; run++) {
      for (int i = 0; i < lags.length; i++) {
        totals[run][i] = new LagTotals(lags[i], H, true);
      }
      double[][] kept = samples[run];
      kernel.run(totals[run], signs, threads[run], (lag, values, count) -> kept[lag] = Arrays.copyOf(values, count));
    }
    for (int i = 0; i < lags.length; i++) {
      assertEquals(totals[0][i].massSum, totals[1][i].massSum);
      assertEquals(totals[0][i].logMassSum, totals[1][i].logMassSum);
      assertEquals(totals[0][i].sampleSum, totals[1][i].sampleSum);
      assertArrayEquals(totals[0][i].unitAbsSum, totals[1][i].unitAbsSum);
      assertArrayEquals(totals[0][i].unitLogSum, totals[1][i].unitLogSum);
      assertArrayEquals(samples[0][i], samples[1][i]);
    }
  }
}
