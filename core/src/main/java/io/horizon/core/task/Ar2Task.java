package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.random.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AR(2) task (THEORY §10 table): a latent series {@code x_t = a1 x_{t−1} + a2 x_{t−2} + ε_t},
 * {@code ε_t ~ N(0, σ²)}, started from {@code x_{−1} = 0} ({@code x_0 = ε_0}) and run to {@code x_T}; every input
 * channel holds U(0,1) distractors that the latent series does not see (as in the reference code), and the target
 * at the last step is {@code x_T}. Defaults (THEORY §10.3 S2): T 120, D 6, a1 1.6, a2 −0.7, σ 0.05.
 *
 * @param length sequence length T
 * @param inputDim channels D
 * @param a1 coefficient of {@code x_{t−1}}
 * @param a2 coefficient of {@code x_{t−2}}
 * @param noiseStd σ ≥ 0 of the innovations
 */
public record Ar2Task(int length, int inputDim, double a1, double a2, double noiseStd)
    implements LastStepTask {

  /** Spec name of this task. */
  public static final String NAME = "ar2";

  public Ar2Task {
    SequenceGeneration.requirePositive("length", length);
    SequenceGeneration.requirePositive("inputDim", inputDim);
    SequenceGeneration.requireFinite("a1", a1);
    SequenceGeneration.requireFinite("a2", a2);
    if (!(noiseStd >= 0) || !Double.isFinite(noiseStd)) {
      throw new IllegalArgumentException("noiseStd: must be finite and non-negative, got " + noiseStd);
    }
  }

  /** The THEORY §10.3 S2 task. */
  public static Ar2Task defaults() {
    return new Ar2Task(120, 6, 1.6, -0.7, 0.05);
  }

  /** Reads the spec fields of this task (absent fields take the defaults). */
  static Ar2Task fromSpec(SpecNode node) {
    Ar2Task d = defaults();
    int length = node.integer("length", d.length());
    int inputDim = node.integer("inputDim", d.inputDim());
    double a1 = node.real("a1", d.a1());
    double a2 = node.real("a2", d.a2());
    double noiseStd = node.real("noiseStd", d.noiseStd());
    node.rejectUnread();
    return node.build(() -> new Ar2Task(length, inputDim, a1, a2, noiseStd));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> extraFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a1", a1);
    m.put("a2", a2);
    m.put("noiseStd", noiseStd);
    return m;
  }
  @Override
  public double fillSequence(Rng rng, float[] x, int offset) {
    for (int j = 0; j < length * inputDim; j++) {
      x[offset + j] = (float) rng.uniform();
    }
    double before = 0;
    double current = noiseStd * rng.gaussian();
    for (int t = 1; t <= length; t++) {
      double next = a1 * current + a2 * before + noiseStd * rng.gaussian();
      before = current;
      current = next;
    }
    return current;
  }
}
