package io.horizon.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.model.RetentionTrace;
import io.horizon.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** μ kernels by prefix sums against naive window products (THEORY §12.1–12.2, Lemma 5.1). */
class MuKernelTest {
  private static final int B = 3;
  private static final int T = 40;
  private static final int H = 5;

  /** A random trace with retention in (0, 1), optionally with an LSTM-style readout and GRU-style reset. */
  private static RetentionTrace randomTrace(long seed, boolean readout, boolean reset) {
    return randomTrace(seed, readout, reset, 0.6);
  }

  /**
   * Retention log-uniform on [minRetention, 1) (clamped like the models'): tiny values drive the prefix logs beyond
   * the exponential's range.
   */
  private static RetentionTrace randomTrace(long seed, boolean readout, boolean reset, double minRetention) {
    Rng rng = new Rng(seed);
    int n = B * T * H;
    double[] logA = new double[n];
    double[] ratio = new double[n];
    double[] out = readout ? new double[n] : null;
    double[] logR = reset ? new double[n] : null;
    for (int i = 0; i < n; i++) {
      logA[i] = Math.log(RetentionTrace.clamp(Math.exp(rng.uniform(Math.log(minRetention), 0))));
      ratio[i] = 0.1 * rng.gaussian();
      if (readout) {
        out[i] = rng.uniform(0, 1);
      }
      if (reset) {
        logR[i] = Math.log(RetentionTrace.clamp(rng.uniform(0.5, 1.0)));
      }
    }
    return new RetentionTrace(B, T, H, logA, ratio, out, logR);
  }

  @Test
  void prefixSumWindowsEqualNaiveProducts() {
    assertPrefixSumsMatchNaiveProducts(0.6);
  }

  @Test
  void prefixSumWindowsEqualNaiveProductsBeyondTheExponentialRange() {
    assertPrefixSumsMatchNaiveProducts(1e-36);
  }

  private static void assertPrefixSumsMatchNaiveProducts(double minRetention) {
    for (boolean readout : new boolean[] {false, true}) {
      for (boolean reset : new boolean[] {false, true}) {
        RetentionTrace tr = randomTrace(11, readout, reset, minRetention);
        MuPrefixSums p = MuPrefixSums.of(tr, true, reset);
        double[] mu = new double[H];
        for (int b = 0; b < B; b++) {
          for (int ell = 1; ell < T; ell += 3) {
            for (int t = ell - 1; t < T; t++) {
              p.mu(b, t, ell, mu);
              for (int q = 0; q < H; q++) {
                double expected = NaiveMu.of(tr, b, t, ell, q, true, reset);
                String where = "b=" + b + " t=" + t + " l=" + ell;
                if (Math.abs(expected) > Double.MIN_NORMAL * 1e20) {
                  assertEquals(expected, mu[q], 1e-10 * Math.abs(expected), where);
                } else {
                  assertTrue(Math.abs(mu[q]) < Double.MIN_NORMAL * 1e30, where);
                }
              }
            }
          }
        }
      }
    }
  }

  @Test
  void constantGateZerothOrderKernelIsExactlyAPower() {
    double s = 0.05;
    int n = B * T * H;
    double[] logA = new double[n];
    java.util.Arrays.fill(logA, Math.log(RetentionTrace.clamp(1 - s)));
    RetentionTrace tr = new RetentionTrace(B, T, H, logA, new double[n], null, null);
    MuPrefixSums p = MuPrefixSums.of(tr, false, false);
    double[] mu = new double[H];
    for (int ell = 1; ell < T; ell++) {
      for (int t = ell - 1; t < T; t++) {
        p.mu(1, t, ell, mu);
        for (int q = 0; q < H; q++) {
          assertEquals(Math.pow(1 - s, ell), mu[q], 1e-12 * Math.pow(1 - s, ell));
        }
      }
    }
  }

  @Test
  void zerothOrderEnvelopeIsNonIncreasingInLag() {
    RetentionTrace tr = randomTrace(5, true, false);
    int[] lags = LagGrid.linspace(1, T - 1, 20);
    LagTotals[] totals = run(tr, lags, new Factors(new double[B * T], new double[H], new double[B * T * H]),
        SignGauge.GLOBAL, false, null);
    for (int i = 1; i < lags.length; i++) {
      assertTrue(totals[i].fMean() <= totals[i - 1].fMean(), "f at lag " + lags[i]);
      double[] now = totals[i].unitProfile();
      double[] before = totals[i - 1].unitProfile();
      for (int q = 0; q < H; q++) {
        assertTrue(now[q] <= before[q], "unit " + q + " at lag " + lags[i]);
      }
    }
  }

  /** The output error's factors e_t and w_out and the tangent v_t of a batch (δ_t = e_t · w_out). */
  private record Factors(double[] error, double[] weight, double[] v) {
    static Factors random(long seed) {
      Rng rng = new Rng(seed);
      Factors f = new Factors(new double[B * T], new double[H], new double[B * T * H]);
      for (double[] a : new double[][] {f.error, f.weight, f.v}) {
        for (int i = 0; i < a.length; i++) {
          a[i] = rng.gaussian();
        }
      }
      return f;
    }
  }

  private static LagTotals[] run(RetentionTrace tr, int[] lags, Factors f, SignGauge gauge,
      boolean firstOrder, List<double[]> samples) {
    // a copy of v: the factors scale it by w_out in place, and the brute force reads it afterwards
    BatchFactors factors = BatchFactors.of(MuPrefixSums.of(tr, firstOrder, false), f.error, f.weight, f.v.clone());
    LagKernel kernel = new LagKernel(new BatchFactors[] {factors}, gauge);
    LagTotals[] totals = new LagTotals[lags.length];
    for (int i = 0; i < lags.length; i++) {
      totals[i] = new LagTotals(lags[i], H, false);
    }
    if (samples != null) {
      samples.addAll(java.util.Collections.nCopies(lags.length, null));
    }
    kernel.run(totals, null, 2, (lag, values, count) -> {
      if (samples != null) {
        synchronized (samples) {
          samples.set(lag, java.util.Arrays.copyOf(values, count));
        }
      }
    });
    return totals;
  }

  @Test
  void matchedSamplesEnvelopeAndProfileEqualBruteForce() {
    RetentionTrace tr = randomTrace(21, false, false);
    Factors f = Factors.random(8);
    int[] lags = {1, 7, 39};
    List<double[]> samples = new ArrayList<>();
    LagTotals[] totals = run(tr, lags, f, new SignGauge(SignGauge.Mode.NONE, 0), true, samples);
    for (int i = 0; i < lags.length; i++) {
      int ell = lags[i];
      double[] psi = samples.get(i);
      assertEquals(B * (T - ell), psi.length);
      double fSum = 0;
      double logSum = 0;
      double[] unit = new double[H];
      for (int b = 0; b < B; b++) {
        double mass = 0;
        for (int t = ell - 1; t < T; t++) {
          double s = 0;
          for (int q = 0; q < H; q++) {
            double mu = NaiveMu.of(tr, b, t, ell, q, true, false);
            mass += Math.abs(mu);
            unit[q] += Math.abs(mu) / (B * (T - ell + 1));
            if (t >= ell) {
              s += mu * f.error[b * T + t] * f.weight[q] * f.v[(b * T + t - ell) * H + q];
            }
          }
          if (t >= ell) {
            assertEquals(s, psi[b * (T - ell) + t - ell], 1e-10 * (1 + Math.abs(s)));
          }
        }
        mass /= (T - ell + 1) * H;
        fSum += mass;
        logSum += Math.log(mass + 1e-30);
      }
      assertEquals(fSum / B, totals[i].fMean(), 1e-12);
      assertEquals(logSum / B, totals[i].fLogMean(), 1e-12);
      assertArrayEquals(unit, totals[i].unitProfile(), 1e-12);
    }
  }

  @Test
  void perBatchGaugeOrientsEveryBlockNonNegative() {
    RetentionTrace tr = randomTrace(2, false, false);
    Factors f = Factors.random(4);
    int[] lags = {3, 10};
    List<double[]> raw = new ArrayList<>();
    run(tr, lags, f, new SignGauge(SignGauge.Mode.NONE, 0), true, raw);
    List<double[]> oriented = new ArrayList<>();
    run(tr, lags, f, new SignGauge(SignGauge.Mode.PER_BATCH, 1), true, oriented);
    for (int i = 0; i < lags.length; i++) {
      int per = T - lags[i];
      for (int b = 0; b < B; b++) {
        double rawSum = 0;
        double sum = 0;
        for (int k = 0; k < per; k++) {
          rawSum += raw.get(i)[b * per + k];
          sum += oriented.get(i)[b * per + k];
        }
        assertTrue(sum >= 0);
        assertEquals(Math.abs(rawSum), sum, 1e-9 * (1 + Math.abs(sum)));
      }
    }
  }

  @Test
  void lagGridsEqualNumpyLinspace() throws Exception {
    try (var in = getClass().getResourceAsStream("/kernel/lag_grids.txt")) {
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        int split = line.lastIndexOf(": ");
        int[] expected = java.util.Arrays.stream(line.substring(split + 2).split(","))
            .mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(expected, LagGrid.parse(line.substring(0, split)), line);
      }
    }
  }

  @Test
  void lagGridParsingAndLimits() {
    int[] grid = LagGrid.parse(LagGrid.DEFAULT);
    assertEquals(128, grid.length);
    assertEquals(4, grid[0]);
    assertEquals(256, grid[127]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LagGrid.checkFits(grid, 200));
    assertTrue(e.getMessage().contains("beyond the sequence length"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LagGrid.parse("4:x:3"));
    assertEquals(SignGauge.Mode.PER_BATCH, SignGauge.parse("per-batch:128").mode());
    assertThrows(IllegalArgumentException.class, () -> SignGauge.parse("sideways"));
  }
}
