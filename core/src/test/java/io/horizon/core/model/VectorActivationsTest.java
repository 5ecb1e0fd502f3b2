package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorActivations} against StrictMath's tanh and the scalar sigmoid, on runs whose lengths and offsets
 * leave scalar tails, into another array and in place.
 */
class VectorActivationsTest {
  @Test
  void tanhMatchesStrictMathToRelativeErrorBelow1em15() {
    Rng rng = new Rng(6);
    for (int n : new int[] {1, 7, 8, 13, 64, 301}) {
      double[] in = new double[n + 3];
      for (int i = 0; i < in.length; i++) {
        in[i] = Math.scalb(rng.uniform(-1, 1), rng.nextInt(70) - 60);
      }
      double[] out = new double[n + 2];
      VectorActivations.tanh(in, 3, out, 2, n, new double[n]);
      for (int k = 0; k < n; k++) {
        double expected = StrictMath.tanh(in[3 + k]);
        assertEquals(expected, out[2 + k], 1e-15 * Math.abs(expected), "tanh(" + in[3 + k] + ")");
      }
    }
  }

  @Test
  void sigmoidMatchesTheScalarFormula() {
    Rng rng = new Rng(7);
    int n = 203;
    double[] in = new double[n + 1];
    for (int i = 0; i < in.length; i++) {
      in[i] = rng.uniform(-40, 40);
    }
    double[] out = new double[n];
    VectorActivations.sigmoid(in, 1, out, 0, n);
    for (int k = 0; k < n; k++) {
      double expected = Steps.sigmoid(in[1 + k]);
      assertEquals(expected, out[k], 1e-15 * expected, "sigmoid(" + in[1 + k] + ")");
    }
  }

  @Test
  void specialValuesAsTheScalarFunctions() {
    double[] in = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.NaN, -800, 800, 1.0 / 16,
        Math.nextDown(1.0 / 16)};
    double[] tanh = new double[in.length];
    double[] sigmoid = new double[in.length];
    VectorActivations.tanh(in, 0, tanh, 0, in.length, new double[in.length]);
    VectorActivations.sigmoid(in, 0, sigmoid, 0, in.length);
    assertEquals(1.0, tanh[0]);
    assertEquals(-1.0, tanh[1]);
    assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(tanh[2]));
    assertTrue(Double.isNaN(tanh[3]) && Double.isNaN(sigmoid[3]));
    assertEquals(-1.0, tanh[4]);
    assertEquals(1.0, tanh[5]);
    assertEquals(1.0, sigmoid[0]);
    assertEquals(0.0, sigmoid[1]);
    assertEquals(0.5, sigmoid[2]);
    assertEquals(0.0, sigmoid[4]);
    assertEquals(1.0, sigmoid[5]);
    for (int k = 6; k < 8; k++) {
      assertEquals(StrictMath.tanh(in[k]), tanh[k], 1e-15 * in[k]);
    }
  }

  @Test
  void inPlaceGivesTheSameBitsAsIntoAnotherArray() {
    Rng rng = new Rng(8);
    int n = 45;
    double[] in = new double[n + 4];
    for (int i = 0; i < in.length; i++) {
      in[i] = rng.uniform(-5, 5);
    }
    double[] tanh = new double[n];
    double[] sigmoid = new double[n];
    VectorActivations.tanh(in, 4, tanh, 0, n, new double[n]);
    VectorActivations.sigmoid(in, 4, sigmoid, 0, n);
    double[] tanhInPlace = in.clone();
    double[] sigmoidInPlace = in.clone();
    VectorActivations.tanh(tanhInPlace, 4, tanhInPlace, 4, n, new double[n]);
    VectorActivations.sigmoid(sigmoidInPlace, 4, sigmoidInPlace, 4, n);
    for (int k = 0; k < n; k++) {
      assertEquals(tanh[k], tanhInPlace[4 + k], 0.0);
      assertEquals(sigmoid[k], sigmoidInPlace[4 + k], 0.0);
    }
  }
}
