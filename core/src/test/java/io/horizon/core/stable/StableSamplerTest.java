package io.horizon.core.stable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Chambers–Mallows–Stuck sampler against SciPy's stable CDF (S1), written by {@code generate_stable_cdf.py}. */
class StableSamplerTest {
  private static final int DRAWS = 200_000;

  @Test
  void empiricalCdfMatchesScipyWithinTheDkwBound() {
    Map<String, List<double[]>> cases = new LinkedHashMap<>();
    for (double[] row : TestResources.rows("/stable/stable_cdf.txt")) {
      cases.computeIfAbsent(row[0] + " " + row[1] + " " + row[2] + " " + row[3], k -> new ArrayList<>())
          .add(row);
    }
    assertTrue(cases.size() >= 8);
    // Dvoretzky–Kiefer–Wolfowitz: P(sup|F_n − F| > eps) <= 2 exp(−2 n eps²) = 9e-5 for eps = 0.005.
    double eps = 0.005;
    for (Map.Entry<String, List<double[]>> c : cases.entrySet()) {
      double[] p = c.getValue().get(0);
      double[] x = new StableSampler(p[0], p[1], p[2], p[3]).sample(new Rng(Rng.derive(21, c.getKey())), DRAWS);
      Arrays.sort(x);
      for (double[] row : c.getValue()) {
        int below = countAtMost(x, row[4]);
        double empirical = (double) below / DRAWS;
        assertTrue(Math.abs(empirical - row[5]) < eps,
            "alpha beta gamma delta = " + c.getKey() + ", x=" + row[4] + ": " + empirical + " vs " + row[5]);
      }
    }
  }

  @Test
  void sameSeedSameDraws() {
    StableSampler law = new StableSampler(1.3, -0.4, 2.0, 1.0);
    assertArrayEquals(law.sample(new Rng(5), 100), law.sample(new Rng(5), 100));
  }

  private static int countAtMost(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
