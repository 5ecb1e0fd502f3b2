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

  /** {@code out[outAt + k] = σ(in[inAt + k] + bias[biasAt + k])} for k < n; {@code bias} may be null. */
  static void sigmoid(double[] in, int inAt, double[] bias, int biasAt, double[] out, int outAt, int n) {
    int bound = LANES.loopBound(n);
    int k = 0;
    for (; k < bound; k += LANES.length()) {
      DoubleVector z = argument(in, inAt + k, bias, biasAt + k);
      DoubleVector.broadcast(LANES, 1).div(VectorMath.exp(z.neg()).add(1)).intoArray(out, outAt + k);
    }
    for (; k < n; k++) {
      out[outAt + k] = Steps.sigmoid(in[inAt + k] + (bias == null ? 0 : bias[biasAt + k]));
    }
  }

  /**
   * {@code out[outAt + k] = tanh(in[inAt + k] + bias[biasAt + k])} for k < n ({@code bias} may be null), as
   * {@link Tanh#of}: {@code sign(x) (1 − e)/(1 + e)} with {@code e = exp(−2|x|)}, the odd Taylor polynomial to x¹³
   * below |x| = 1/16.
   */
  static void tanh(double[] in, int inAt, double[] bias, int biasAt, double[] out, int outAt, int n) {
    int bound = LANES.loopBound(n);
    int k = 0;
    for (; k < bound; k += LANES.length()) {
      DoubleVector x = argument(in, inAt + k, bias, biasAt + k);
      DoubleVector ax = x.abs();
      DoubleVector e = VectorMath.exp(ax.mul(-2));
      DoubleVector far = e.neg().add(1).div(e.add(1)).lanewise(VectorOperators.NEG, x.lt(0));
      DoubleVector x2 = x.mul(x);
      DoubleVector p = x2.mul(Tanh.C13).add(Tanh.C11).mul(x2).add(Tanh.C9).mul(x2).add(Tanh.C7).mul(x2).add(Tanh.C5)
          .mul(x2).add(Tanh.C3).mul(x2).add(1);
      far.blend(x.mul(p), ax.lt(Tanh.SERIES_LIMIT)).intoArray(out, outAt + k);
    }
    for (; k < n; k++) {
      out[outAt + k] = Tanh.of(in[inAt + k] + (bias == null ? 0 : bias[biasAt + k]));
    }
  }

  /** One vector of {@code in} from {@code inAt}, plus the same lanes of {@code bias} from {@code biasAt} if any. */
  private static DoubleVector argument(double[] in, int inAt, double[] bias, int biasAt) {
    DoubleVector x = DoubleVector.fromArray(LANES, in, inAt);
    return bias == null ? x : x.add(DoubleVector.fromArray(LANES, bias, biasAt));
  }
}
