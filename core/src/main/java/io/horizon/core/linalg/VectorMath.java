package io.horizon.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector-lane functions built from IEEE-exact lane operations only (add, multiply, divide, fma, compare, bit moves),
 * so that they give the same bits whether the JVM interprets the vector code or compiles it: the library's lane-wise
 * exponential leaves the accuracy open, and its lane sum the order of additions, which would make a run depend on
 * the JIT's progress (sum lanes by storing them and adding left to right).
 */
public final class VectorMath {
  public static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Long> LONG_LANES = LongVector.SPECIES_PREFERRED;

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
  /** Coefficients of fdlibm's log: log(1+f) = f − f²/2 + s(f²/2 + R(s²)), s = f/(2+f), R = Σ LG_i s^{2i}. */
  private static final double LG1 = 6.666666666666735130e-01;
  private static final double LG2 = 3.999999999940941908e-01;
  private static final double LG3 = 2.857142874366239149e-01;
  private static final double LG4 = 2.222219843214978396e-01;
  private static final double LG5 = 1.818357216161805012e-01;
  private static final double LG6 = 1.531383769920937332e-01;
  private static final double LG7 = 1.479819860511658591e-01;
  /** 2⁵⁴, which lifts a subnormal into the normal range. */
  private static final double TWO54 = 0x1p54;
  private static final long MANTISSA = 0x000f_ffff_ffff_ffffL;
  /** The mantissa field of √2: mantissas above it are halved so that the reduced argument lies in [√2/2, √2). */
  private static final long SQRT2_MANTISSA = 0x6a09_e667_f3bcdL;

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
    inPlace(values, from, n, VectorMath::expOfWholeVectors);
  }

  /**
   * {@code values[from + k] = ln values[from + k]} for k < n, each within 1 ulp: fdlibm's method with exact lane
   * operations — x = 2^k·m with m in [√2/2, √2) (subnormals lifted by 2⁵⁴ first), f = m − 1, s = f/(2+f) and the
   * minimax polynomial R(s²); −∞ for 0, NaN below 0 and for NaN, +∞ for +∞. Partial vectors as in {@link #exp}.
   */
  public static void log(double[] values, int from, int n) {
    inPlace(values, from, n, VectorMath::logOfWholeVectors);
  }

  /** A lane function applied to whole vectors of {@code values[from … from+n)}, n a multiple of the lane count. */
  private interface WholeVectors {
    void apply(double[] values, int from, int n);
  }

  private static void inPlace(double[] values, int from, int n, WholeVectors function) {
    int bulk = LANES.loopBound(n);
    function.apply(values, from, bulk);
    if (bulk < n) {
      double[] padded = new double[LANES.length()];
      System.arraycopy(values, from + bulk, padded, 0, n - bulk);
      function.apply(padded, 0, padded.length);
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
      DoubleVector minusK = shifted.sub(ROUNDER).neg();
      DoubleVector r = minusK.fma(ln2Hi, clamped);
      r = minusK.fma(ln2Lo, r);
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

  private static void logOfWholeVectors(double[] values, int from, int n) {
    for (int i = from; i < from + n; i += LANES.length()) {
      DoubleVector x = DoubleVector.fromArray(LANES, values, i);
      VectorMask<Double> subnormal = x.lt(Double.MIN_NORMAL);
      LongVector bits = (LongVector) x.blend(x.mul(TWO54), subnormal).viewAsIntegralLanes();
      LongVector mantissa = bits.and(MANTISSA);
      VectorMask<Long> halve = mantissa.compare(VectorOperators.GT, SQRT2_MANTISSA);
      LongVector bias = LongVector.broadcast(LONG_LANES, 1023).blend(1023 + 54, subnormal.cast(LONG_LANES));
      LongVector exponent = bits.lanewise(VectorOperators.LSHR, 52).sub(bias).add(LongVector.zero(LONG_LANES)
          .blend(1, halve));
      LongVector scale = LongVector.broadcast(LONG_LANES, 1023L << 52).blend(1022L << 52, halve);
      DoubleVector m = (DoubleVector) mantissa.or(scale).viewAsFloatingLanes();
      DoubleVector k = ((DoubleVector) exponent.add(ROUNDER_BITS).viewAsFloatingLanes()).sub(ROUNDER);
      DoubleVector f = m.sub(1.0);
      DoubleVector s = f.div(f.add(2.0));
      DoubleVector z = s.mul(s);
      DoubleVector w = z.mul(z);
      DoubleVector odd = w.mul(LG6).add(LG4).mul(w).add(LG2).mul(w);
      DoubleVector even = w.mul(LG7).add(LG5).mul(w).add(LG3).mul(w).add(LG1).mul(z);
      DoubleVector r = even.add(odd);
      DoubleVector halfSquare = f.mul(f).mul(0.5);
      DoubleVector result = k.mul(LN2_HI)
          .sub(halfSquare.sub(s.mul(halfSquare.add(r)).add(k.mul(LN2_LO))).sub(f));
      result = result.blend(Double.NEGATIVE_INFINITY, x.eq(0.0));
      result = result.blend(Double.NaN, x.lt(0.0).or(x.test(VectorOperators.IS_NAN)));
      result.blend(Double.POSITIVE_INFINITY, x.eq(Double.POSITIVE_INFINITY)).intoArray(values, i);
    }
  }
}
