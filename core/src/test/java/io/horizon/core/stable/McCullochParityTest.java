package io.horizon.core.stable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full McCulloch (1986) against SciPy 1.10's {@code levy_stable._fitstart} on the seeded sample sets written by
 * {@code generate_mcculloch_parity.py} (negative β included: SciPy 1.10 handles it by the paper's symmetry).
 */
class McCullochParityTest {
  private static final double TOLERANCE = 1e-6;

  @Test
  void estimatesEqualScipyOnEverySampleSet() {
    List<double[]> expected = TestResources.rows("/stable/mcculloch_parity.txt");
    double[] samples = TestResources.float64("/stable/mcculloch_parity_samples.f64");
    McCullochEstimator estimator = new McCullochEstimator();
    int offset = 0;
    int negativeBeta = 0;
    for (double[] row : expected) {
      int n = (int) row[2];
      StableFit fit = estimator.fit(Arrays.copyOfRange(samples, offset, offset + n), n);
      offset += n;
      String set = "set alpha=" + row[0] + " beta=" + row[1] + " n=" + n;
      assertEquals(row[3], fit.alpha(), TOLERANCE, set + ": alpha");
      assertEquals(row[4], fit.beta(), TOLERANCE, set + ": beta");
      assertEquals(row[5], fit.gamma(), TOLERANCE, set + ": gamma");
      assertEquals(row[6], fit.delta(), TOLERANCE * Math.max(1, Math.abs(row[6])), set + ": delta");
      assertEquals(n, fit.n());
      if (row[4] < 0) {
        negativeBeta++;
      }
    }
    assertEquals(samples.length, offset, "every sample belongs to a set");
    assertTrue(negativeBeta >= 5, "the sets exercise negative beta");
  }

  @Test
  void mirroredSamplesGiveMirroredEstimates() {
    double[] x = new StableSampler(1.3, 0.6, 2.0, 1.0).sample(new Rng(5), 5000);
    double[] mirrored = Arrays.stream(x).map(v -> -v).toArray();
    McCullochEstimator estimator = new McCullochEstimator();
    StableFit fit = estimator.fit(x, x.length);
    StableFit mirror = estimator.fit(mirrored, mirrored.length);
    assertEquals(fit.alpha(), mirror.alpha(), 1e-12);
    assertEquals(-fit.beta(), mirror.beta(), 1e-12);
    assertEquals(fit.gamma(), mirror.gamma(), 1e-12);
    assertEquals(-fit.delta(), mirror.delta(), 1e-9);
  }
}
