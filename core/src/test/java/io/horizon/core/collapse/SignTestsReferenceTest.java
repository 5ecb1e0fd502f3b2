package io.horizon.core.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.horizon.core.TestResources;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs test, sign test and normal tail against scipy (reference from {@code generate_sign_tests.py}). */
class SignTestsReferenceTest {
  private static final double RELATIVE = 1e-10;

  private static List<double[]> cases(String kind) throws IOException {
    List<double[]> out = TestResources.lines("collapse/sign_tests.txt").stream()
        .filter(l -> l.startsWith(kind + " "))
        .map(l -> Arrays.stream(l.substring(kind.length() + 1).split(" ")).mapToDouble(Double::parseDouble).toArray())
        .toList();
    assertFalse(out.isEmpty(), "no " + kind + " cases");
    return out;
  }

  @Test
  void normalUpperTailMatchesScipy() throws IOException {
    for (double[] c : cases("normal")) {
      assertEquals(c[1], StandardNormal.upperTail(c[0]), RELATIVE * c[1], "z = " + c[0]);
    }
  }

  @Test
  void runsTestMatchesScipy() throws IOException {
    for (double[] c : cases("runs")) {
      RunsTest test = RunsTest.of(Arrays.copyOfRange(c, 2, c.length));
      assertEquals(c[0], test.z(), 1e-12 * Math.max(1, Math.abs(c[0])));
      assertEquals(c[1], test.pValue(), RELATIVE * c[1]);
      assertEquals(c.length - 3, test.positives() + test.negatives(), "one zero residual is dropped");
    }
  }

  @Test
  void signTestMatchesScipyBinomtest() throws IOException {
    for (double[] c : cases("sign")) {
      assertEquals(c[0], SignTest.of(Arrays.copyOfRange(c, 1, c.length)).pValue(), RELATIVE * c[0]);
    }
  }

  @Test
  void oneSignedOrEmptySequencesGiveNoEvidence() {
    assertEquals(1.0, RunsTest.of(new double[] {1, 2, 3}).pValue());
    assertEquals(1.0, RunsTest.of(new double[0]).pValue());
    assertEquals(1.0, SignTest.of(new double[] {0, 0}).pValue());
    assertEquals(Math.pow(0.5, 5), SignTest.of(new double[] {-1, -1, -1, -1, -1}).pValue(), 1e-15);
  }
}
