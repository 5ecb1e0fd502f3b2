package io.horizon.core.coupling;

import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.GatedRnns;
import io.horizon.core.model.LeakyStepJacobians;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The reproducible set-up of the THEORY §3.2 check: a leaky (ConstGate), scalar-gated (SharedGate) or multi-gated
 * (DiagGate) RNN with n = 64 units, input dimension 3, every weight N(0, 0.2²) and no biases, driven over T = 100
 * steps by {@code sin(f_d τ + φ_d) + N(0, 0.05²)} with {@code f_d ∈ linspace(0.03, 0.09, 3)},
 * {@code τ ∈ linspace(0, 12, T)} and phases U(0, 2π); its step Jacobians split into {@code A_j = D_{1-s_j}} and
 * {@code B_j = J_j − A_j}. The exact split is used for every gate (the reference code's mean-slope rank-1 B_j for the
 * scalar gate is not reproduced).
 */
public final class FrechetSetup {
  /** T of THEORY §3.2. */
  public static final int LENGTH = 100;
  /** n of THEORY §3.2. */
  public static final int HIDDEN = 64;
  /** Input dimension of THEORY §3.2. */
  public static final int INPUTS = 3;
  private static final double WEIGHT_STD = 0.2;
  private static final double NOISE_STD = 0.05;

  private FrechetSetup() {}

  /** The factors of the THEORY §3.2 set-up for {@code architecture} (ConstGate leak {@code s}) from {@code seed}. */
  public static ProductFactors factors(Architecture architecture, double s, long seed) {
    GatedRnn model = model(architecture, s, seed);
    SequenceBatch batch = inputs(new Rng(Rng.derive(seed, "frechet/inputs")));
    LeakyStepJacobians jacobians = LeakyStepJacobians.of(model, model.forward(batch));
    List<double[]> dominant = new ArrayList<>();
    List<double[]> corrections = new ArrayList<>();
    double[] retention = new double[HIDDEN];
    for (int t = 0; t < LENGTH; t++) {
      double[] j = new double[HIDDEN * HIDDEN];
      double[] a = new double[HIDDEN * HIDDEN];
      jacobians.jacobian(0, t, j);
      jacobians.retention(0, t, retention);
      for (int q = 0; q < HIDDEN; q++) {
        a[q * HIDDEN + q] = retention[q];
        j[q * HIDDEN + q] -= retention[q];
      }
      dominant.add(a);
      corrections.add(j);
    }
    return new ProductFactors(HIDDEN, dominant, corrections);
  }

  /** Every trainable weight N(0, 0.2²), biases zero (THEORY §2.7 models have none). */
  private static GatedRnn model(Architecture architecture, double s, long seed) {
    ModelConfig config = new ModelConfig(architecture, INPUTS, HIDDEN, false, s);
    ParameterSet parameters = GatedRnns.initialize(config, seed).parameters().copy();
    Rng rng = new Rng(Rng.derive(seed, "frechet/weights"));
    for (String name : parameters.names()) {
      double[] values = parameters.data(name);
      boolean weight = name.endsWith(".weight");
      for (int i = 0; i < values.length && !name.equals("s_const"); i++) {
        values[i] = weight ? WEIGHT_STD * rng.gaussian() : 0.0;
      }
    }
    return GatedRnns.fromParameters(config, parameters, "Fréchet set-up");
  }

  /** One sequence of sinusoidal inputs with Gaussian noise (THEORY §3.2). */
  private static SequenceBatch inputs(Rng rng) {
    double[] x = new double[LENGTH * INPUTS];
    double[] phase = new double[INPUTS];
    for (int d = 0; d < INPUTS; d++) {
      phase[d] = rng.uniform(0, 2 * Math.PI);
    }
    for (int t = 0; t < LENGTH; t++) {
      double tau = 12.0 * t / (LENGTH - 1);
      for (int d = 0; d < INPUTS; d++) {
        double frequency = 0.03 + 0.06 * d / (INPUTS - 1);
        x[t * INPUTS + d] = Math.sin(frequency * tau + phase[d]) + NOISE_STD * rng.gaussian();
      }
    }
    return new SequenceBatch(x, new double[LENGTH], 1, LENGTH, INPUTS);
  }
}
