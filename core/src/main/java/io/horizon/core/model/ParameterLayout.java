package io.horizon.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The PyTorch module layout of each architecture (nn.Linear convention: {@code weight} is [out, in]). Checkpoint
 * files, gradients and projection directions all use these names and shapes.
 */
public final class ParameterLayout {
  private ParameterLayout() {}

  /** Name prefix of the LayerNorm module of each architecture. */
  public static String layerNormPrefix(Architecture architecture) {
    return switch (architecture) {
      case CONST -> "ln";
      case SHARED, DIAG, GRU -> "ln_h";
      case LSTM -> "ln_cand";
    };
  }

  /** All tensors of a model, in file order. */
  public static List<TensorSpec> of(ModelConfig config) {
    int d = config.inputDim();
    int h = config.hiddenSize();
    List<TensorSpec> specs = new ArrayList<>();
    switch (config.architecture()) {
      case CONST -> {
        linear(specs, "Wx", h, d, true);
        linear(specs, "Wh", h, h, false);
        specs.add(new TensorSpec("s_const", new int[0], false));
      }
      case SHARED -> {
        linear(specs, "Wx", h, d, true);
        linear(specs, "Wh", h, h, false);
        linear(specs, "Ws", 1, d, true);
        linear(specs, "Us", 1, h, false);
      }
      case DIAG -> {
        linear(specs, "Wx", h, d, true);
        linear(specs, "Wh", h, h, false);
        linear(specs, "Ws", h, d, true);
        linear(specs, "Us", h, h, false);
      }
      case GRU -> {
        for (String g : new String[] {"z", "r", "h"}) {
          linear(specs, "W" + g, h, d, true);
        }
        for (String g : new String[] {"z", "r", "h"}) {
          linear(specs, "U" + g, h, h, false);
        }
      }
      case LSTM -> {
        for (String g : new String[] {"i", "f", "o", "g"}) {
          linear(specs, "W" + g, h, d, true);
        }
        for (String g : new String[] {"i", "f", "o", "g"}) {
          linear(specs, "U" + g, h, h, false);
        }
      }
    }
    linear(specs, "out", 1, h, true);
    if (config.layerNorm()) {
      String p = layerNormPrefix(config.architecture());
      specs.add(new TensorSpec(p + ".weight", new int[] {h}, true));
      specs.add(new TensorSpec(p + ".bias", new int[] {h}, true));
    }
    return specs;
  }

  private static void linear(List<TensorSpec> specs, String module, int out, int in, boolean bias) {
    specs.add(new TensorSpec(module + ".weight", new int[] {out, in}, true));
    if (bias) {
      specs.add(new TensorSpec(module + ".bias", new int[] {out}, true));
    }
  }

  /** Names of the trainable tensors (everything but {@code s_const}). */
  public static List<String> trainableNames(ModelConfig config) {
    return of(config).stream().filter(TensorSpec::trainable).map(TensorSpec::name).toList();
  }

  /** Zero tensors for every trainable tensor: the shape of a gradient or a projection direction. */
  public static ParameterSet zeroTrainable(ModelConfig config) {
    ParameterSet out = new ParameterSet();
    for (TensorSpec s : of(config)) {
      if (s.trainable()) {
        out.put(Tensor.zeros(s.name(), s.shape()));
      }
    }
    return out;
  }

  /**
   * Reads the model shape from tensors loaded from a file: D and H from the input weight, LayerNorm from the
   * presence of its tensors, {@code const_s} from the {@code s_const} scalar (ConstGate) or the default.
   */
  public static ModelConfig infer(Architecture architecture, ParameterSet tensors, String source) {
    String input = switch (architecture) {
      case CONST, SHARED, DIAG -> "Wx.weight";
      case GRU -> "Wz.weight";
      case LSTM -> "Wi.weight";
    };
    if (!tensors.contains(input)) {
      throw new IllegalArgumentException(
          source + ": tensor '" + input + "' missing for architecture " + architecture
              + " (present: " + tensors.names() + ")");
    }
    Tensor w = tensors.get(input);
    if (w.rank() != 2) {
      throw new IllegalArgumentException(
          source + ": tensor '" + input + "' must have rank 2, has shape " + Arrays.toString(w.shape()));
    }
    boolean ln = tensors.contains(layerNormPrefix(architecture) + ".weight");
    double s = ModelConfig.DEFAULT_CONST_S;
    if (architecture == Architecture.CONST && tensors.contains("s_const")) {
      s = tensors.get("s_const").data()[0];
    }
    ModelConfig config = new ModelConfig(architecture, w.dim(1), w.dim(0), ln, s);
    validate(config, tensors, source);
    return config;
  }

  /** Checks names and shapes against the layout; the error names the file, the tensor and both shapes. */
  public static void validate(ModelConfig config, ParameterSet tensors, String source) {
    check(of(config), config, tensors, source);
  }

  /**
   * Checks names and shapes against the trainable part of the layout (everything but {@code s_const}: the shape of
   * a gradient or a projection direction); the error names the file, the tensor and both shapes.
   */
  public static void validateTrainable(ModelConfig config, ParameterSet tensors, String source) {
    check(of(config).stream().filter(TensorSpec::trainable).toList(), config, tensors, source);
  }

  private static void check(List<TensorSpec> specs, ModelConfig config, ParameterSet tensors, String source) {
    for (TensorSpec s : specs) {
      if (!tensors.contains(s.name())) {
        throw new IllegalArgumentException(source + ": tensor '" + s.name() + "' missing for architecture "
            + config.architecture() + " (present: " + tensors.names() + ")");
      }
      int[] actual = tensors.get(s.name()).shape();
      if (!Arrays.equals(actual, s.shape())) {
        throw new IllegalArgumentException(source + ": tensor '" + s.name() + "' has shape "
            + Arrays.toString(actual) + ", expected " + Arrays.toString(s.shape()));
      }
    }
    for (String name : tensors.names()) {
      if (specs.stream().noneMatch(s -> s.name().equals(name))) {
        throw new IllegalArgumentException(
            source + ": unexpected tensor '" + name + "' for architecture " + config.architecture());
      }
    }
  }
}
