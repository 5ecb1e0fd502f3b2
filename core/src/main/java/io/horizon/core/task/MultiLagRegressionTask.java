package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.random.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-lag regression task (LW-44, THEORY §8.1): {@code x_t ~ N(0, I_D)},
 * {@code y_t = Σ_k c_k u_taskᵀ x_{t−ℓ_k} + ξ_t}, {@code ξ_t ~ N(0, σ_ξ²)}, terms with {@code t − ℓ_k < 0}
 * omitted, a target at every step. The unit direction {@code u_task} comes from {@code taskSeed} alone, so every
 * data set of one task instance (training, validation, diagnostic: different data seeds) shares it.
 *
 * <p>Defaults (THEORY §8.2, README "full paper run"): T 1024, D 16, lags 32, 64, 128, 192, 256, coefficients
 * .6, .5, .4, .32, .26, σ_ξ 0.3, task seed 0.
 *
 * @param length sequence length T
 * @param inputDim input dimension D
 * @param lags task lags ℓ_k, each in [1, T)
 * @param coefficients c_k, one per lag
 * @param noiseStd σ_ξ ≥ 0
 * @param taskSeed seed of {@code u_task}
 */
public record MultiLagRegressionTask(
    int length, int inputDim, List<Integer> lags, List<Double> coefficients, double noiseStd, long taskSeed)
    implements Task, TaskParameters {

  /** Spec name of this task. */
  public static final String NAME = "multilag";

  public MultiLagRegressionTask {
    SequenceGeneration.requirePositive("length", length);
    SequenceGeneration.requirePositive("inputDim", inputDim);
    if (lags == null || lags.isEmpty()) {
      throw new IllegalArgumentException("lags: must hold at least one lag");
    }
    if (coefficients == null || coefficients.size() != lags.size()) {
      throw new IllegalArgumentException("coefficients: expected " + lags.size() + " values (one per lag), got "
          + (coefficients == null ? "none" : coefficients.size()));
    }
    for (int k = 0; k < lags.size(); k++) {
      int lag = lags.get(k);
      if (lag < 1) {
        throw new IllegalArgumentException("lags[" + k + "]: must be at least 1, got " + lag);
      }
      if (lag >= length) {
        throw new IllegalArgumentException("lags[" + k + "]: must be < length (" + length + "), got " + lag);
      }
      SequenceGeneration.requireFinite("coefficients[" + k + "]", coefficients.get(k));
    }
    if (!(noiseStd >= 0) || !Double.isFinite(noiseStd)) {
      throw new IllegalArgumentException("noiseStd: must be finite and non-negative, got " + noiseStd);
    }
    lags = List.copyOf(lags);
    coefficients = List.copyOf(coefficients);
  }

  /** The THEORY §8.2 README-profile task. */
  public static MultiLagRegressionTask defaults() {
    return new MultiLagRegressionTask(
        1024, 16, List.of(32, 64, 128, 192, 256), List.of(0.6, 0.5, 0.4, 0.32, 0.26), 0.3, 0);
  }

  /** Reads the spec fields of this task (absent fields take the defaults). */
  static MultiLagRegressionTask fromSpec(SpecNode node) {
    MultiLagRegressionTask d = defaults();
    int length = node.integer("length", d.length());
    int inputDim = node.integer("inputDim", d.inputDim());
    List<Integer> lags = node.integers("lags", d.lags());
    List<Double> coefficients = node.reals("coefficients", d.coefficients());
    double noiseStd = node.real("noiseStd", d.noiseStd());
    long taskSeed = node.longInteger("taskSeed", d.taskSeed());
    node.rejectUnread();
    return node.build(() -> new MultiLagRegressionTask(length, inputDim, lags, coefficients, noiseStd, taskSeed));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double[] stepWeights() {
    return null;
  }

  @Override
  public Task create() {
    return this;
  }

  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("length", length);
    m.put("inputDim", inputDim);
    m.put("lags", lags);
    m.put("coefficients", coefficients);
    m.put("noiseStd", noiseStd);
    m.put("taskSeed", taskSeed);
    return m;
  }

  /** The unit task direction {@code u_task} (THEORY §8.1): a Gaussian vector from the task seed, normalised. */
  public double[] taskDirection() {
    Rng rng = new Rng(Rng.derive(taskSeed, "task/" + NAME + "/direction"));
    double[] u = new double[inputDim];
    double norm = 0;
    for (int d = 0; d < inputDim; d++) {
      u[d] = rng.gaussian();
      norm += u[d] * u[d];
    }
    norm = Math.sqrt(norm);
    for (int d = 0; d < inputDim; d++) {
      u[d] /= norm;
    }
    return u;
  }

  /** {@code count} sequences of (LW-44); inputs are drawn first, then the noise of every step. */
  @Override
  public SequenceDataset generate(int count, long seed) {
    double[] u = taskDirection();
    int[] lag = lags.stream().mapToInt(Integer::intValue).toArray();
    double[] c = coefficients.stream().mapToDouble(Double::doubleValue).toArray();
    float[] x = SequenceGeneration.inputs(NAME, count, length, inputDim);
    float[] y = new float[count * length];
    double[] projection = new double[length];
    for (int i = 0; i < count; i++) {
      Rng rng = SequenceGeneration.stream(NAME, seed, i);
      int base = i * length * inputDim;
      for (int j = 0; j < length * inputDim; j++) {
        x[base + j] = (float) rng.gaussian();
      }
      for (int t = 0; t < length; t++) {
        double p = 0;
        for (int d = 0; d < inputDim; d++) {
          p += u[d] * x[base + t * inputDim + d];
        }
        projection[t] = p;
      }
      for (int t = 0; t < length; t++) {
        double target = 0;
        for (int k = 0; k < lag.length; k++) {
          if (t - lag[k] >= 0) {
            target += c[k] * projection[t - lag[k]];
          }
        }
        y[i * length + t] = (float) (target + noiseStd * rng.gaussian());
      }
    }
    return new SequenceDataset(x, y, count, length, inputDim);
  }
}
