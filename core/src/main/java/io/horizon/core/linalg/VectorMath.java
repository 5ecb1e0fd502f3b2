package io.horizon.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector-lane functions built from IEEE-exact lane operations only (add, multiply, fma, compare, bit moves), so that
 * they give the same bits whether the JVM interprets the vector code or compiles it: the library's lane-wise
 * exponential leaves the accuracy open, and its lane sum the order of additions, which would make a run depend on
 * the JIT's progress (sum lanes by storing them and adding left to right).
 */
public final class VectorMath {
  public static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

  private static final double INV_LN2 = 1.44269504088896338700e+00;
  /** ln 2 split in two (fdlibm): k·LN2_HI is exact for |k| < 2¹¹. */
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  /** Adding 1.5·2⁵² rounds to an integer that then sits in the low bits of the sum's representation. */
  private static final double ROUNDER = 0x1.8p52;
  private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
  /** Above this e^x overflows; below {@link #UNDERFLOW} it is 0. */
  private static final double OVERFLOW = 709.782712893384;
  private static final double UNDERFLOW = -745.1332191019412;
  /** 1/n! for n = 13 … 2, the Taylor terms of e^r on |r| ≤ ln2/2 (truncation below 1e-17 relative). */
  private static final double[] TAYLOR = {
    1.0 / 6227020800L, 1.0 / 479001600, 1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320, 1.0 / 5040,
    1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 1.0 / 2};

  private VectorMath() {}

  /**
   * {@code values[from + k] = e^{values[from + k]}} for k < n, each within 2 ulp: x = k·ln2 + r with |r| ≤ ln2/2
   * (Cody–Waite), e^r by its Taylor polynomial, 2^k as two exponent-field scalings so that subnormal results come out
   * right; +∞ above 709.78, 0 below −745.13, NaN for NaN. A last partial vector goes through the same lanes (padded),
   * so every element gets the same bits wherever it sits.
   *
   * <p>Arrays in, arrays out: a vector passed to or returned from a call that the JIT declines to inline is boxed on
   * the heap, which made the callers several times slower depending on the order in which methods got compiled.
   */
  public static void exp(double[] values, int from, int n) {
    int bulk = LANES.loopBound(n);
    expOfWholeVectors(values, from, bulk);
    if (bulk < n) {
      double[] padded = new double[LANES.length()];
      System.arraycopy(values, from + bulk, padded, 0, n - bulk);
      expOfWholeVectors(padded, 0, padded.length);
      System.arraycopy(padded, 0, values, from + bulk, n - bulk);
    }
  }

  private static void expOfWholeVectors(double[] values, int from, int n) {
    DoubleVector one = DoubleVector.broadcast(LANES, 1.0);
    DoubleVector ln2Hi = DoubleVector.broadcast(LANES, LN2_HI);
    DoubleVector ln2Lo = DoubleVector.broadcast(LANES, LN2_LO);
    for (int i = from; i < from + n; i += LANES.length()) {
      DoubleVector x = DoubleVector.fromArray(LANES, values, i);
      DoubleVector clamped = x.max(UNDERFLOW - 1).min(OVERFLOW + 1);
      DoubleVector shifted = clamped.fma(INV_LN2, ROUNDER);
      DoubleVector k = shifted.sub(ROUNDER);
      DoubleVector r = k.neg().fma(ln2Hi, clamped);
      r = k.neg().fma(ln2Lo, r);
      DoubleVector p = DoubleVector.broadcast(LANES, TAYLOR[0]);
      for (int t = 1; t < TAYLOR.length; t++) {
        p = p.fma(r, DoubleVector.broadcast(LANES, TAYLOR[t]));
      }
      p = p.fma(r, one).fma(r, one);
      LongVector exponent = ((LongVector) shifted.viewAsIntegralLanes()).sub(ROUNDER_BITS);
      LongVector half = exponent.lanewise(VectorOperators.ASHR, 1);
      LongVector rest = exponent.sub(half);
      DoubleVector first = (DoubleVector) half.add(1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
      DoubleVector second = (DoubleVector) rest.add(1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
      DoubleVector result = p.mul(first).mul(second);
      result = result.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, OVERFLOW));
      result = result.blend(0.0, x.compare(VectorOperators.LT, UNDERFLOW));
      result.blend(x, x.test(VectorOperators.IS_NAN)).intoArray(values, i);
    }
  }
}
