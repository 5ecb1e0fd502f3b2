package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.kernel.LagGrid;
import io.horizon.core.random.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The "heavy_tail" variant of the multi-lag regression (THEORY §11.4): K task lags drawn from a truncated Pareto
 * law on {@code [ℓ_min, ℓ_max]} with density ∝ {@code ℓ^{−(a+1)}} (inverse CDF, rounded half to even, clamped,
 * unique, back-filled from {@code linspace(ℓ_min, ℓ_max, K)} when too few distinct values come up, sorted) and
 * coefficients {@code c_k = base · decay^k}, k = 0 … K−1; the sequences are then those of (LW-44). The lags come
 * from our own random stream seeded by {@code lagSeed}, so they are not the reference code's NumPy draws.
 * Defaults (THEORY §11.4): T 1280, D 16, K 16, lags on [8, 640], a 0.6, lag seed 20260410, c_k = 0.6·0.85^k,
 * σ_ξ 0.3, task seed 0.
 *
 * @param length sequence length T
 * @param inputDim input dimension D
 * @param lagCount K
 * @param lagMin ℓ_min ≥ 1
 * @param lagMax ℓ_max, in (ℓ_min, T)
 * @param lagTailIndex a > 0
 * @param lagSeed seed of the lag draw
 * @param coefficientBase c_0
 * @param coefficientDecay ratio of consecutive coefficients
 * @param noiseStd σ_ξ ≥ 0
 * @param taskSeed seed of {@code u_task}
 */
public record HeavyTailRegression(
    int length,
    int inputDim,
    int lagCount,
    int lagMin,
    int lagMax,
    double lagTailIndex,
    long lagSeed,
    double coefficientBase,
    double coefficientDecay,
    double noiseStd,
    long taskSeed)
    implements TaskParameters {

  /** Spec name of this task. */
  public static final String NAME = "heavy_tail";

  /** Rounds of draws before the back-fill, per requested lag (as in the reference generator). */
  private static final int ROUNDS_PER_LAG = 50;

  public HeavyTailRegression {
    SequenceGeneration.requirePositive("length", length);
    SequenceGeneration.requirePositive("inputDim", inputDim);
    SequenceGeneration.requirePositive("lagCount", lagCount);
    SequenceGeneration.requirePositive("lagMin", lagMin);
    if (lagMax <= lagMin) {
      throw new IllegalArgumentException("lagMax: must be > lagMin (" + lagMin + "), got " + lagMax);
    }
    if (lagMax >= length) {
      throw new IllegalArgumentException("lagMax: must be < length (" + length + "), got " + lagMax);
    }
    if (lagCount > lagMax - lagMin + 1) {
      throw new IllegalArgumentException("lagCount: must be at most the " + (lagMax - lagMin + 1)
          + " integers of [lagMin, lagMax], got " + lagCount);
    }
    if (!(lagTailIndex > 0) || !Double.isFinite(lagTailIndex)) {
      throw new IllegalArgumentException("lagTailIndex: must be finite and positive, got " + lagTailIndex);
    }
    SequenceGeneration.requireFinite("coefficientBase", coefficientBase);
    SequenceGeneration.requireFinite("coefficientDecay", coefficientDecay);
    if (!(noiseStd >= 0) || !Double.isFinite(noiseStd)) {
      throw new IllegalArgumentException("noiseStd: must be finite and non-negative, got " + noiseStd);
    }
  }

  /** The THEORY §11.4 AC full-profile task. */
  public static HeavyTailRegression defaults() {
    return new HeavyTailRegression(1280, 16, 16, 8, 640, 0.6, 20260410L, 0.6, 0.85, 0.3, 0);
  }

  /** Reads the spec fields of this task (absent fields take the defaults). */
  static HeavyTailRegression fromSpec(SpecNode node) {
    HeavyTailRegression d = defaults();
    int length = node.integer("length", d.length());
    int inputDim = node.integer("inputDim", d.inputDim());
    int lagCount = node.integer("lagCount", d.lagCount());
    int lagMin = node.integer("lagMin", d.lagMin());
    int lagMax = node.integer("lagMax", d.lagMax());
    double lagTailIndex = node.real("lagTailIndex", d.lagTailIndex());
    long lagSeed = node.longInteger("lagSeed", d.lagSeed());
    double coefficientBase = node.real("coefficientBase", d.coefficientBase());
    double coefficientDecay = node.real("coefficientDecay", d.coefficientDecay());
    double noiseStd = node.real("noiseStd", d.noiseStd());
    long taskSeed = node.longInteger("taskSeed", d.taskSeed());
    node.rejectUnread();
    return node.build(() -> new HeavyTailRegression(length, inputDim, lagCount, lagMin, lagMax, lagTailIndex,
        lagSeed, coefficientBase, coefficientDecay, noiseStd, taskSeed));
  }

  /**
   * The truncated-Pareto quantile (THEORY §11.4): {@code ℓ = (ℓ_min^{−a} − p(ℓ_min^{−a} − ℓ_max^{−a}))^{−1/a}}
   * (StrictMath, so that the lags are the same on every machine).
   */
  public static double lagQuantile(double p, double lagMin, double lagMax, double tailIndex) {
    double lo = StrictMath.pow(lagMin, -tailIndex);
    double hi = StrictMath.pow(lagMax, -tailIndex);
    return StrictMath.pow(lo - p * (lo - hi), -1.0 / tailIndex);
  }

  /** The K task lags, sorted and distinct. */
  public List<Integer> lags() {
    Rng rng = new Rng(Rng.derive(lagSeed, "task/" + NAME + "/lags"));
    TreeSet<Integer> drawn = new TreeSet<>();
    for (int round = 0; round < ROUNDS_PER_LAG * lagCount && drawn.size() < lagCount; round++) {
      int wanted = lagCount - drawn.size();
      for (int k = 0; k < wanted && drawn.size() < lagCount; k++) {
        long lag = (long) Math.rint(lagQuantile(rng.uniform(), lagMin, lagMax, lagTailIndex));
        drawn.add((int) Math.max(lagMin, Math.min(lagMax, lag)));
      }
    }
    for (int lag : LagGrid.linspace(lagMin, lagMax, lagCount)) {
      if (drawn.size() >= lagCount) {
        break;
      }
      drawn.add(lag);
    }
    return List.copyOf(drawn);
  }

  /** The coefficients {@code c_k = base · decay^k}, k = 0 … K−1. */
  public List<Double> coefficients() {
    List<Double> c = new ArrayList<>();
    for (int k = 0; k < lagCount; k++) {
      c.add(coefficientBase * StrictMath.pow(coefficientDecay, k));
    }
    return List.copyOf(c);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The multi-lag regression task with the drawn lags. */
  @Override
  public MultiLagRegressionTask create() {
    return new MultiLagRegressionTask(length, inputDim, lags(), coefficients(), noiseStd, taskSeed);
  }

  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("length", length);
    m.put("inputDim", inputDim);
    m.put("lagCount", lagCount);
    m.put("lagMin", lagMin);
    m.put("lagMax", lagMax);
    m.put("lagTailIndex", lagTailIndex);
    m.put("lagSeed", lagSeed);
    m.put("coefficientBase", coefficientBase);
    m.put("coefficientDecay", coefficientDecay);
    m.put("noiseStd", noiseStd);
    m.put("taskSeed", taskSeed);
    return m;
  }
}
