package io.horizon.core.model;

import io.horizon.core.linalg.VectorMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The gate and candidate nonlinearities of THEORY §2 over runs of contiguous values, a vector of lanes at a time:
 * the same formulas as {@link Steps#sigmoid} and {@link Tanh#of}, with {@link VectorMath#exp}.
 */
final class VectorActivations {
  private static final VectorSpecies<Double> LANES = VectorMath.LANES;

  private VectorActivations() {}

  /**
   * {@code out[outAt + k] = σ(in[inAt + k])} for k < n ({@code out} may be {@code in} at the same offset): −z, then
   * e^{−z} in place, then 1/(1 + e^{−z}).
   */
  static void sigmoid(double[] in, int inAt, double[] out, int outAt, int n) {
    int bound = LANES.loopBound(n);
    int k = 0;
    for (; k < bound; k += LANES.length()) {
      DoubleVector.fromArray(LANES, in, inAt + k).neg().intoArray(out, outAt + k);
    }
    for (; k < n; k++) {
      out[outAt + k] = -in[inAt + k];
    }
    VectorMath.exp(out, outAt, n);
    DoubleVector one = DoubleVector.broadcast(LANES, 1.0);
    for (k = 0; k < bound; k += LANES.length()) {
      one.div(DoubleVector.fromArray(LANES, out, outAt + k).add(1.0)).intoArray(out, outAt + k);
    }
    for (; k < n; k++) {
      out[outAt + k] = 1.0 / (out[outAt + k] + 1.0);
    }
  }

  /**
   * {@code out[outAt + k] = tanh(in[inAt + k])} for k < n ({@code out} may be {@code in} at the same offset), as
   * {@link Tanh#of}: {@code sign(x) (1 − e)/(1 + e)} with {@code e = exp(−2|x|)} (taken in {@code scratch}, at least n
   * long), the odd Taylor polynomial to x¹³ below |x| = 1/16.
   */
  static void tanh(double[] in, int inAt, double[] out, int outAt, int n, double[] scratch) {
    int bound = LANES.loopBound(n);
    int k = 0;
    for (; k < bound; k += LANES.length()) {
      DoubleVector.fromArray(LANES, in, inAt + k).abs().mul(-2.0).intoArray(scratch, k);
    }
    for (; k < n; k++) {
      scratch[k] = Math.abs(in[inAt + k]) * -2.0;
    }
    VectorMath.exp(scratch, 0, n);
    for (k = 0; k < bound; k += LANES.length()) {
      DoubleVector x = DoubleVector.fromArray(LANES, in, inAt + k);
      DoubleVector e = DoubleVector.fromArray(LANES, scratch, k);
      DoubleVector far = e.neg().add(1.0).div(e.add(1.0)).lanewise(VectorOperators.NEG, x.lt(0));
      DoubleVector x2 = x.mul(x);
      DoubleVector p = x2.mul(Tanh.C13).add(Tanh.C11).mul(x2).add(Tanh.C9).mul(x2).add(Tanh.C7).mul(x2).add(Tanh.C5)
          .mul(x2).add(Tanh.C3).mul(x2).add(1.0);
      far.blend(x.mul(p), x.abs().lt(Tanh.SERIES_LIMIT)).intoArray(out, outAt + k);
    }
    for (; k < n; k++) {
      out[outAt + k] = Tanh.fromExp(in[inAt + k], scratch[k]);
    }
  }
}
