package io.horizon.core.stable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streaming per-lag statistics: exact under capacity whatever the partition, uniform over capacity. */
class LagAccumulatorTest {

  /** Feeds {@code values} to {@code parts} accumulators in random chunks, one random part per chunk. */
  private static List<LagAccumulator> partitioned(double[] values, int parts, int capacity, Rng rng) {
    List<LagAccumulator> out = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      out.add(new LagAccumulator(capacity, Rng.derive(99, "part " + p)));
    }
    int at = 0;
    while (at < values.length) {
      int length = Math.min(values.length - at, 1 + rng.nextInt(3000));
      out.get(rng.nextInt(parts)).add(Arrays.copyOfRange(values, at, at + length), length);
      at += length;
    }
    return out;
  }

  /** Merges the accumulators in a random order into the first one drawn. */
  private static LagAccumulator mergedInRandomOrder(List<LagAccumulator> parts, Rng rng) {
    int[] order = new int[parts.size()];
    Arrays.setAll(order, i -> i);
    rng.shuffle(order);
    LagAccumulator total = parts.get(order[0]);
    for (int i = 1; i < order.length; i++) {
      total.merge(parts.get(order[i]));
    }
    return total;
  }

  private static double[] values(FiniteSample sample) {
    return sample.sorted().clone();
  }

  @Test
  void randomPartitionsMergedEqualAllAtOnceBitForBitUnderCapacity() {
    double[] values = StableSampler.symmetric(1.4, 2.5).sample(new Rng(1), 40_000);
    LagAccumulator whole = new LagAccumulator(1 << 16, 3);
    whole.add(values, values.length);
    for (int trial = 0; trial < 4; trial++) {
      Rng rng = new Rng(Rng.derive(2, "trial " + trial));
      LagAccumulator merged = mergedInRandomOrder(partitioned(values, 2 + trial, 1 << 16, rng), rng);
      assertEquals(whole.count(), merged.count());
      assertEquals(whole.sum(), merged.sum());
      assertEquals(whole.mean(), merged.mean());
      assertEquals(whole.retained(), merged.retained());
      for (StableMethod method : StableMethod.values()) {
        assertEquals(whole.fit(method.estimator()), merged.fit(method.estimator()), method.cliName());
      }
    }
  }

  @Test
  void sumIsTheCorrectlyRoundedExactSum() {
    Rng rng = new Rng(4);
    double[] values = new double[10_000];
    BigDecimal exact = BigDecimal.ZERO;
    for (int i = 0; i < values.length; i++) {
      values[i] = (rng.uniform() - 0.5) * Math.pow(10, rng.nextInt(32) - 8);
      exact = exact.add(new BigDecimal(values[i]));
    }
    LagAccumulator acc = new LagAccumulator(16, 5);
    acc.add(values, values.length);
    assertEquals(exact.round(MathContext.DECIMAL128).doubleValue(), acc.sum());
    assertEquals(values.length, acc.count());
  }

  @Test
  void overCapacityTheReservoirIsAUniformSampleOfTheMergedStream() {
    int capacity = 4000;
    int total = 200_000;
    double[] values = new double[total];
    Arrays.setAll(values, i -> i);
    Rng rng = new Rng(6);
    LagAccumulator merged = mergedInRandomOrder(partitioned(values, 3, capacity, rng), rng);
    double[] kept = values(merged.sample());
    assertEquals(capacity, kept.length);
    assertEquals(total, merged.count());
    // Kolmogorov–Smirnov distance to Uniform(0, total): critical value 1.95/sqrt(n) at level 0.001.
    double distance = 0;
    for (int i = 0; i < kept.length; i++) {
      double cdf = (kept[i] + 0.5) / total;
      distance = Math.max(distance, Math.max((i + 1.0) / kept.length - cdf, cdf - (double) i / kept.length));
    }
    assertTrue(distance < 1.95 / Math.sqrt(capacity), "KS distance " + distance);
  }

  @Test
  void mergeDrawsFromEachSideInProportionToItsCount() {
    int capacity = 4000;
    LagAccumulator big = new LagAccumulator(capacity, 7);
    LagAccumulator small = new LagAccumulator(capacity, 8);
    double[] zeros = new double[150_000];
    double[] ones = new double[50_000];
    Arrays.fill(ones, 1.0);
    big.add(zeros, zeros.length);
    small.add(ones, ones.length);
    big.merge(small);
    double fromSmall = Arrays.stream(values(big.sample())).sum();
    // Hypergeometric share of the 1s: mean 0.25·capacity, sd below sqrt(capacity·0.25·0.75) ≈ 27; allow 5 sd.
    assertEquals(0.25 * capacity, fromSmall, 5 * Math.sqrt(capacity * 0.25 * 0.75));
  }

  @Test
  void nonFiniteSamplesAreCountedAndMakeTheFitUnreliable() {
    double[] values = StableSampler.symmetric(1.5, 1.0).sample(new Rng(9), 3000);
    values[10] = Double.NaN;
    values[20] = Double.POSITIVE_INFINITY;
    LagAccumulator acc = new LagAccumulator(10);
    acc.add(values, values.length);
    assertEquals(2, acc.nonFiniteCount());
    assertEquals(2998, acc.count());
    assertTrue(Double.isFinite(acc.mean()));
    StableFit fit = acc.fit(new SymmetricMcCullochEstimator());
    assertFalse(fit.reliable());
    assertTrue(fit.reason().contains("2 of 3000 samples are NaN or infinite"), fit.reason());
  }

  @Test
  void badArgumentsAreRejectedWithTheFieldName() {
    LagAccumulator acc = new LagAccumulator(10, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> acc.add(new double[3], 4));
    assertTrue(e.getMessage().startsWith("count:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LagAccumulator(0, 1));
    assertTrue(e.getMessage().startsWith("capacity:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> acc.merge(new LagAccumulator(11, 1)));
    assertTrue(e.getMessage().startsWith("capacity:"), e.getMessage());
    assertArrayEquals(new double[0], values(new LagAccumulator(2).sample()));
  }
}
