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
   * Shards of the model work have a fixed size and the kernels' blocks of sequences join in a fixed order: a pass
   * over batches of several shards and blocks, with the per-neuron gauge, is bit-identical on one and three threads.
   */
  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"DIAG", "LSTM"})
  void resultsDoNotDependOnTheThreadCount(Architecture architecture) {
    GatedRnn model = ModelChecks.randomModel(new ModelConfig(architecture, D, H, false, 0.05), 73, 0.5);
    int sequences = 2 * BatchFactors.SHARD + 30;
    SequenceDataset data = ModelChecks.randomDataset(sequences, LENGTH, D, 74);
    KernelOptions options = KernelOptions.defaults(new int[] {1, 5, LENGTH - 1}).withBatchSize(sequences - 10)
        .withGauge(new SignGauge(SignGauge.Mode.PER_NEURON, 0)).withUnitLogWindow(new LagWindow(1, LENGTH - 1));
    CollectedPass one = CollectedPass.run(model, data, options.withThreads(1));
    CollectedPass three = CollectedPass.run(model, data, options.withThreads(3));
    assertArrayEquals(one.result().fMean(), three.result().fMean());
    assertArrayEquals(one.result().fLogMean(), three.result().fLogMean());
    assertArrayEquals(one.result().sampleSum(), three.result().sampleSum());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(one.result().unitProfile()[i], three.result().unitProfile()[i]);
      assertArrayEquals(one.result().unitLogMean()[i], three.result().unitLogMean()[i]);
      assertArrayEquals(one.samples(i), three.samples(i));
    }
  }
}
