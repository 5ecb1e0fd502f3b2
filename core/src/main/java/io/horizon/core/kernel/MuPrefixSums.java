package io.horizon.core.kernel;

import io.horizon.core.linalg.VectorMath;
import io.horizon.core.model.RetentionTrace;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Prefix sums over time of the retention trace of one batch, so that every window product and window sum of
 * THEORY §4 is a difference of two prefix entries: O(T) per lag instead of O(T·ℓ) (THEORY §4, "precompute prefix
 * sums"). Layout of each prefix array: {@code [(b*(T+1) + t)*H + q]} = sum over steps {@code j < t}.
 */
public final class MuPrefixSums {
  private static final VectorSpecies<Double> LANES = VectorMath.LANES;
  /** Largest |log| whose exponential and its reciprocal stay normal doubles. */
  private static final double EXP_RANGE = 700;

  private final int batchSize;
  private final int length;
  private final int hidden;
  /** Prefix sums of log retention; null within the exponential range, where only their exponentials are read. */
  private final double[] logRetention;
  private final double[] ratio;
  private final double[] logReset;
  private final double[] readout;
  /** e^{L} of the retention prefixes, times the readout factor of the step that ends there in product form. */
  private final double[] retention;
  private final double[] inverseRetention;
  private final double[] reset;
  private final double[] inverseReset;

  private MuPrefixSums(RetentionTrace trace, boolean firstOrder, boolean resetEnvelopes) {
    this.batchSize = trace.batchSize();
    this.length = trace.length();
    this.hidden = trace.hiddenSize();
    double[] logPrefix = prefix(trace.logRetention());
    this.ratio = firstOrder ? prefix(trace.firstOrderRatio()) : null;
    this.logReset = resetEnvelopes && trace.logReset() != null ? prefix(trace.logReset()) : null;
    this.readout = trace.readout();
    boolean inRange = withinExpRange(logPrefix) && (logReset == null || withinExpRange(logReset));
    // within the range only the exponentials are read: e^{−L} then takes the log prefixes' place
    this.logRetention = inRange ? null : logPrefix;
    this.retention = inRange ? expInPlace(logPrefix.clone(), 1) : null;
    this.inverseRetention = inRange ? expInPlace(logPrefix, -1) : null;
    if (productForm() && readout != null) {
      foldReadout(retention, readout);
    }
    this.reset = inRange && logReset != null ? expInPlace(logReset.clone(), 1) : null;
    this.inverseReset = inRange && logReset != null ? expInPlace(logReset.clone(), -1) : null;
  }

  /**
   * True when every prefix {@code L} satisfies {@code e^{±L}} finite and normal, so that a window product
   * {@code e^{L_end − L_start}} can be taken as {@code e^{L_end} · e^{−L_start}} without an exponential per window.
   */
  private static boolean withinExpRange(double[] prefix) {
    for (double v : prefix) {
      if (v < -EXP_RANGE) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether μ is a product of exponentiated prefixes: no reset envelopes, and every prefix within the exponential
   * range.
   */
  private boolean productForm() {
    return retention != null && logReset == null;
  }

  /**
   * {@code retention[end] *= readout[t]} for every window end (prefix row t+1, trace row t): in product form μ then
   * takes the readout factor of the window's last step with its end prefix, once per step instead of once per window.
   */
  private void foldReadout(double[] retention, double[] readout) {
    int h = hidden;
    for (int b = 0; b < batchSize; b++) {
      for (int t = 0; t < length; t++) {
        int end = (b * (length + 1) + t + 1) * h;
        int row = (b * length + t) * h;
        for (int q = 0; q < h; q++) {
          retention[end + q] *= readout[row + q];
        }
      }
    }
  }

  /** {@code e^{sign·values}} elementwise, written over {@code values}, which is returned. */
  private static double[] expInPlace(double[] values, int sign) {
    for (int i = 0; i < values.length; i++) {
      values[i] = sign * values[i];
    }
    VectorMath.exp(values, 0, values.length);
    return values;
  }

  /** Prefix sums of a trace; {@code firstOrder} and {@code resetEnvelopes} select the terms of μ (THEORY §4.4, §4.3). */
  public static MuPrefixSums of(RetentionTrace trace, boolean firstOrder, boolean resetEnvelopes) {
    return new MuPrefixSums(trace, firstOrder, resetEnvelopes);
  }

  private double[] prefix(double[] perStep) {
    int h = hidden;
    double[] p = new double[batchSize * (length + 1) * h];
    for (int b = 0; b < batchSize; b++) {
      int src = b * length * h;
      int dst = b * (length + 1) * h;
      for (int t = 0; t < length; t++) {
        int from = dst + t * h;
        int to = from + h;
        int in = src + t * h;
        for (int q = 0; q < h; q++) {
          p[to + q] = p[from + q] + perStep[in + q];
        }
      }
    }
    return p;
  }

  public int batchSize() {
    return batchSize;
  }

  public int length() {
    return length;
  }

  public int hidden() {
    return hidden;
  }

  /**
   * μ^{(q)} (without η) of the window {@code j = t-ℓ+1 … t} of sequence b, for every unit, into {@code out[0..H)}:
   * {@code Γ0 + Γ1} of THEORY §4.1–4.2, plus ρ + ϑ for the GRU when enabled (LW-26).
   */
  public void mu(int b, int t, int ell, double[] out) {
    window(b, t, ell, null, out, new double[hidden], new double[hidden], 0, new double[LANES.length()]);
  }

  /**
   * The kernels' work on the window {@code j = t-ℓ+1 … t} of sequence b in one pass over the units: μ^{(q)} as in
   * {@link #mu}, times {@code sign[q]} when a per-neuron gauge is given, into {@code out}; |μ^{(q)}| added to
   * {@code absSum[q]}; and Σ_q μ^{(q)} c_q returned, c the row of {@code tangent} at {@code back} (THEORY §5.4 less
   * the step's error factor). {@code sign} and {@code out} may be null (no gauge, μ not kept); {@code laneBuffer}
   * holds one vector's lanes. (The sums are updated on every iteration: with them optional, on one branch only, the
   * kernels ran about 3× slower.)
   */
  double window(int b, int t, int ell, double[] sign, double[] out, double[] absSum, double[] tangent, int back,
      double[] laneBuffer) {
    int h = hidden;
    int end = (b * (length + 1) + t + 1) * h;
    int start = end - ell * h;
    if (!productForm()) {
      int at = (b * length + t) * h;
      double sum = 0;
      for (int q = 0; q < h; q++) {
        sum += take(unitMu(q, end, start, at), q, sign, out, absSum, tangent, back);
      }
      return sum;
    }
    return productWindow(end, start, sign, out, absSum, tangent, back, laneBuffer);
  }

  /**
   * {@link #window} when μ is a product of exponentiated prefixes (no reset envelopes): {@code e^{L_end}} (the
   * readout factor folded in) times {@code e^{−L_start}}, times {@code 1 + R_end − R_start} with first order; a
   * vector of units at a time, the lanes of the sum added at the end.
   */
  private double productWindow(int end, int start, double[] sign, double[] out, double[] absSum, double[] tangent,
      int back, double[] laneBuffer) {
    int h = hidden;
    int bound = LANES.loopBound(h);
    DoubleVector lanes = DoubleVector.zero(LANES);
    int q = 0;
    for (; q < bound; q += LANES.length()) {
      DoubleVector m = DoubleVector.fromArray(LANES, retention, end + q)
          .mul(DoubleVector.fromArray(LANES, inverseRetention, start + q));
      if (ratio != null) {
        DoubleVector first = DoubleVector.fromArray(LANES, ratio, end + q)
            .sub(DoubleVector.fromArray(LANES, ratio, start + q));
        m = first.fma(m, m);
      }
      if (sign != null) {
        m = m.mul(DoubleVector.fromArray(LANES, sign, q));
      }
      if (out != null) {
        m.intoArray(out, q);
      }
      DoubleVector.fromArray(LANES, absSum, q).add(m.abs()).intoArray(absSum, q);
      lanes = m.fma(DoubleVector.fromArray(LANES, tangent, back + q), lanes);
    }
    lanes.intoArray(laneBuffer, 0);
    double sum = 0;
    for (double lane : laneBuffer) {
      sum += lane;
    }
    for (; q < h; q++) {
      double m = retention[end + q] * inverseRetention[start + q];
      m = ratio == null ? m : Math.fma(ratio[end + q] - ratio[start + q], m, m);
      sum += take(m, q, sign, out, absSum, tangent, back);
    }
    return sum;
  }

  /** One unit's share of {@link #window}: μ with its gauge sign kept and summed, and its term of the sum returned. */
  private static double take(double mu, int q, double[] sign, double[] out, double[] absSum, double[] tangent,
      int back) {
    double m = sign == null ? mu : mu * sign[q];
    if (out != null) {
      out[q] = m;
    }
    absSum[q] += Math.abs(m);
    return m * tangent[back + q];
  }

  /** μ^{(q)} of a window given by its prefix rows, unit by unit: with reset envelopes or beyond the exponential range. */
  private double unitMu(int q, int end, int start, int at) {
    if (retention != null) {
      double rho = reset == null ? 0 : reset[end + q] * inverseReset[start + q];
      return combine(retention[end + q] * inverseRetention[start + q], rho, q, end, start, at);
    }
    double rho = logReset == null ? 0 : Math.exp(logReset[end + q] - logReset[start + q]);
    return combine(Math.exp(logRetention[end + q] - logRetention[start + q]), rho, q, end, start, at);
  }

  /** μ = Γ0 + Γ1 (+ ρ + γρ for the GRU) from the window's retention product γ and reset product ρ. */
  private double combine(double gamma, double rho, int q, int end, int start, int at) {
    double gamma0 = readout == null ? gamma : gamma * readout[at + q];
    double mu = gamma0;
    if (ratio != null) {
      mu += gamma0 * (ratio[end + q] - ratio[start + q]);
    }
    if (logReset != null) {
      mu += rho + gamma * rho;
    }
    return mu;
  }
}
