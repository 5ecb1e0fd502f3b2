package io.horizon.core.model;

import io.horizon.core.random.Rng;
import java.util.Arrays;

/** Builds models: freshly initialised from a seed, or from tensors read from a checkpoint. */
public final class GatedRnns {
  private GatedRnns() {}

  /** A model with the parameters given (validated against the layout; the error names the offending tensor). */
  public static GatedRnn fromParameters(ModelConfig config, ParameterSet parameters, String source) {
    ParameterLayout.validate(config, parameters, source);
    return switch (config.architecture()) {
      case CONST -> new ConstGateRnn(config, parameters);
      case SHARED -> new SharedGateRnn(config, parameters);
      case DIAG -> new DiagGateRnn(config, parameters);
      case GRU -> new Gru(config, parameters);
      case LSTM -> new Lstm(config, parameters);
    };
  }

  /**
   * A freshly initialised model (THEORY §8.2): orthogonal weights for every non-gate Linear module (input,
   * recurrent and readout; for GRU and LSTM every Linear module), zero biases, LayerNorm weight 1 and bias 0.
   * Gates: ConstGate {@code s_const = const_s}; Shared/DiagGate zero gate weights and gate bias
   * {@code logit(const_s)}; GRU update-gate bias {@code logit(const_s)}; LSTM forget-gate bias
   * {@code logit(1 - const_s)}.
   */
  public static GatedRnn initialize(ModelConfig config, long seed) {
    Rng rng = new Rng(Rng.derive(seed, "init/" + config.architecture().id()));
    ParameterSet p = new ParameterSet();
    for (TensorSpec spec : ParameterLayout.of(config)) {
      Tensor t = Tensor.zeros(spec.name(), spec.shape());
      fill(config, t, rng);
      p.put(t);
    }
    return fromParameters(config, p, "initialisation");
  }

  private static void fill(ModelConfig config, Tensor t, Rng rng) {
    String name = t.name();
    double s = config.constS();
    boolean gateModule = name.startsWith("Ws.") || name.startsWith("Us.");
    if (name.equals("s_const")) {
      t.data()[0] = s;
    } else if (name.endsWith(".weight") && name.startsWith("ln")) {
      Arrays.fill(t.data(), 1.0);
    } else if (name.endsWith(".weight") && !gateModule) {
      Initialization.orthogonal(t.data(), t.dim(0), t.dim(1), rng);
    } else if (name.equals("Ws.bias")) {
      Arrays.fill(t.data(), Initialization.logit(s));
    } else if (name.equals("Wz.bias")) {
      Arrays.fill(t.data(), Initialization.logit(s));
    } else if (name.equals("Wf.bias")) {
      Arrays.fill(t.data(), Initialization.logit(1 - s));
    }
  }
}
