package io.horizon.core.collapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.random.Rng;
import io.horizon.core.stable.FiniteSample;
import io.horizon.core.stable.McCullochEstimator;
import io.horizon.core.stable.StableSampler;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The slow-mode tail index and the forcing generator (THEORY §11.3 items 10–11). */
class SlowModeTailTest {
  private static final int SIZE = 2000;
  private static TailCalibration calibration;

  @BeforeAll
  static void calibrate() {
    calibration = TailCalibration.build(SIZE, TailCalibration.DEFAULT_REPLICATES, 42);
  }

  /** The moment estimator on Pareto data P(|X| &gt; x) = x^{−α} gives γ̂ ≈ 1/α. */
  @Test
  void momentEstimatorRecoversParetoTailIndex() {
    Rng rng = new Rng(13);
    for (double alpha : new double[] {0.8, 1.5, 3.0}) {
      double[] x = new double[20_000];
      for (int i = 0; i < x.length; i++) {
        x[i] = (rng.uniform() < 0.5 ? -1 : 1) * Math.pow(1 - rng.uniform(), -1 / alpha);
      }
      int k = MomentEstimator.defaultK(x.length);
      assertEquals(1600, k);
      assertEquals(1 / alpha, MomentEstimator.gamma(x, k), 4 * Math.sqrt(1 + 1 / (alpha * alpha)) / Math.sqrt(k),
          "alpha " + alpha);
    }
  }

  @Test
  void defaultKFollowsTheRule() {
    assertEquals(50, MomentEstimator.defaultK(400));
    assertEquals(40, MomentEstimator.defaultK(200));
    assertEquals(800, MomentEstimator.defaultK(10_000));
  }

  /** Calibrated α_eff on SαS(1.5) draws of the matched n is ≈ 1.5, heavy, and not Gaussian. */
  @Test
  void calibratedIndexRecoversStableAlpha() {
    double[] x = StableSampler.symmetric(1.5, 0.3).sample(new Rng(77), SIZE);
    SlowModeTailIndex index = SlowModeTailIndex.estimate(x, calibration, SlowModeTailIndex.DEFAULT_BOOTSTRAPS, 5);
    assertEquals(1.5, index.alphaEff(), 0.15, index.toString());
    assertTrue(index.lo() <= index.alphaEff() && index.alphaEff() <= index.hi());
    assertTrue(index.substantivelyHeavy());
    assertTrue(index.gaussianRejected());
  }

  @Test
  void gaussianSamplesSitAtTheBoundary() {
    Rng rng = new Rng(78);
    double[] x = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      x[i] = 2.5 * rng.gaussian();
    }
    SlowModeTailIndex index = SlowModeTailIndex.estimate(x, calibration, 20, 5);
    assertFalse(index.gaussianRejected(), index.toString());
    assertFalse(index.substantivelyHeavy(), index.toString());
  }

  @Test
  void calibrationCurveDecreasesAndInvertsItsOwnPoints() {
    double[] g = calibration.medianGamma();
    for (int a = 1; a < g.length; a++) {
      assertTrue(g[a] <= g[a - 1]);
    }
    assertTrue(g[0] > g[g.length - 1], "the curve separates α = 1 from α = 2");
    int mid = g.length / 2;
    if (g[mid - 1] > g[mid] && g[mid] > g[mid + 1]) {
      assertEquals(calibration.alphas()[mid], calibration.alphaFor(g[mid]), 1e-12);
    }
    ExpectedErrors.illegalArgument(() -> SlowModeTailIndex.estimate(new double[10], calibration, 5, 1),
        "samples", "n = " + SIZE);
  }

  /** Below 250 samples, with a NaN, or with no more non-zero samples than k, the reason is given instead. */
  @Test
  void unusableSamplesAreNamedWithTheReason() {
    int n = MomentEstimator.MIN_SAMPLES;
    assertEquals(MomentEstimator.MIN_K, MomentEstimator.defaultK(n));
    assertTrue(MomentEstimator.defaultK(n - 1) < MomentEstimator.MIN_K);
    Rng rng = new Rng(79);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.gaussian();
    }
    assertEquals(Optional.empty(), SlowModeTailIndex.unusable(x));
    assertEquals(Optional.of("249 samples, the moment estimator needs at least 250"),
        SlowModeTailIndex.unusable(Arrays.copyOf(x, n - 1)));
    double[] withNaN = x.clone();
    withNaN[7] = Double.NaN;
    assertEquals(Optional.of("sample [7] is NaN"), SlowModeTailIndex.unusable(withNaN));
    double[] sparse = x.clone();
    Arrays.fill(sparse, MomentEstimator.MIN_K + 1, n, 0);
    assertEquals(Optional.empty(), SlowModeTailIndex.unusable(sparse));
    assertTrue(Double.isFinite(MomentEstimator.gamma(sparse, MomentEstimator.MIN_K)), "k + 1 non-zero values suffice");
    sparse[MomentEstimator.MIN_K] = 0;
    assertEquals(Optional.of("50 of 250 samples are non-zero, the moment estimator needs more than k = 50"),
        SlowModeTailIndex.unusable(sparse));
  }

  /** The forcing touches only the chosen entries, is bounded by m·s·B and has the injected tail index. */
  @Test
  void forcingPerturbsOnlySlowRowsWithStableIncrements() {
    int units = 2000;
    int row = 64;
    double[] update = new double[units * row];
    Arrays.fill(update, -0.5);
    int[] slow = new int[units / 2];
    for (int i = 0; i < slow.length; i++) {
      slow[i] = 2 * i;
    }
    int[] entries = UnitRows.entries(slow, row, 0);
    double[] before = update.clone();
    SlowModeForcing forcing = SlowModeForcing.defaults();
    forcing.perturb(update, entries, new Rng(3));
    double rms = 0.5;
    double[] noise = new double[entries.length];
    for (int i = 0; i < entries.length; i++) {
      noise[i] = update[entries[i]] - before[entries[i]];
      assertTrue(Math.abs(noise[i]) <= forcing.scaleMultiplier() * rms * forcing.softBound());
      update[entries[i]] = before[entries[i]];
    }
    assertArrayEquals(before, update, "entries outside the slow rows are untouched");
    double alpha = new McCullochEstimator().fit(FiniteSample.of(noise, noise.length)).alpha();
    assertEquals(forcing.alpha(), alpha, 0.05);
    ExpectedErrors.illegalArgument(() -> new SlowModeForcing(2.5, 1, 100), "alpha-inject");
    ExpectedErrors.illegalArgument(() -> forcing.perturb(new double[2], new int[] {2}, new Rng(1)), "entries");
  }
}
