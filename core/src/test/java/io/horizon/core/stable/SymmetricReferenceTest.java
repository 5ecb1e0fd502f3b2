package io.horizon.core.stable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Symmetric McCulloch and ECF (THEORY §7.1) against the NumPy reference of {@code generate_symmetric_reference.py}
 * on the seeded sample sets of {@code mcculloch_parity_samples.f64}.
 */
class SymmetricReferenceTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void estimatesEqualTheNumpyReference() {
    List<double[]> sets = TestResources.rows("/stable/mcculloch_parity.txt");
    List<String[]> expected = TestResources.fields("/stable/symmetric_reference.txt");
    double[] samples = TestResources.float64("/stable/mcculloch_parity_samples.f64");
    assertEquals(sets.size(), expected.size());
    SymmetricMcCullochEstimator mcculloch = new SymmetricMcCullochEstimator();
    EcfEstimator ecf = new EcfEstimator();
    int offset = 0;
    for (String[] row : expected) {
      int n = Integer.parseInt(row[0]);
      double[] x = Arrays.copyOfRange(samples, offset, offset + n);
      offset += n;
      String set = "set at offset " + (offset - n);
      StableFit sym = mcculloch.fit(x, n);
      assertEquals(Double.parseDouble(row[1]), sym.alpha(), TOLERANCE, set + ": symmetric McCulloch alpha");
      assertEquals(Double.parseDouble(row[2]), sym.gamma(), TOLERANCE, set + ": symmetric McCulloch gamma");
      StableFit e = ecf.fit(x, n);
      assertEquals(Double.parseDouble(row[3]), e.alpha(), TOLERANCE, set + ": ECF alpha");
      assertEquals(Double.parseDouble(row[4]), e.gamma(), TOLERANCE, set + ": ECF gamma");
      StableMethod method = row[5].equals("fallback") ? StableMethod.MCCULLOCH_SYMMETRIC : StableMethod.ECF;
      assertEquals(method, e.method(), set + ": ECF band " + row[5]);
    }
  }
}
