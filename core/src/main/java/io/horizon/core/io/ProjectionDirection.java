package io.horizon.core.io;

import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterLayout;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.random.Rng;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fixed random projection direction u of THEORY §5.2: one tensor per trainable tensor of the model (same names
 * and shapes, LayerNorm included, {@code s_const} excluded), jointly of unit Euclidean norm. Stored as a
 * safetensors file.
 */
public final class ProjectionDirection {
  /** Largest accepted deviation of the joint norm of a direction read from a file from 1. */
  public static final double NORM_TOLERANCE = 1e-6;

  private ProjectionDirection() {}

  /**
   * A uniform direction on the unit sphere (THEORY §5.2): i.i.d. N(0, 1) entries drawn tensor by tensor in layout
   * order from a stream derived from {@code seed}, then divided by their joint norm.
   */
  public static ParameterSet random(ModelConfig config, long seed) {
    Rng rng = new Rng(Rng.derive(seed, "projection-direction"));
    ParameterSet u = ParameterLayout.zeroTrainable(config);
    for (String name : u.names()) {
      double[] d = u.data(name);
      for (int i = 0; i < d.length; i++) {
        d[i] = rng.gaussian();
      }
    }
    double norm = u.norm();
    for (String name : u.names()) {
      double[] d = u.data(name);
      for (int i = 0; i < d.length; i++) {
        d[i] /= norm;
      }
    }
    return u;
  }

  /** Writes a direction after checking its tensors and norm against {@code config}. */
  public static void write(Path file, ParameterSet direction, ModelConfig config, TensorDtype dtype) {
    validate(direction, config, file.toString());
    Safetensors.write(file, direction, Map.of(CheckpointFile.ARCHITECTURE_KEY, config.architecture().id()), dtype);
  }

  /** Reads a direction for a model of shape {@code config}; rejects wrong names, shapes or norm, naming them. */
  public static ParameterSet read(Path file, ModelConfig config) {
    Safetensors.Content content = Safetensors.read(file);
    String named = content.metadata().get(CheckpointFile.ARCHITECTURE_KEY);
    if (named != null && !named.equals(config.architecture().id())) {
      throw new IllegalArgumentException(
          file + ": direction for architecture " + named + ", the model is " + config.architecture());
    }
    validate(content.tensors(), config, file.toString());
    return content.tensors().subset(ParameterLayout.trainableNames(config));
  }

  /** Checks trainable names and shapes and the unit joint norm. */
  public static void validate(ParameterSet direction, ModelConfig config, String source) {
    ParameterLayout.validateTrainable(config, direction, source);
    double norm = direction.norm();
    if (!(Math.abs(norm - 1) <= NORM_TOLERANCE)) {
      throw new IllegalArgumentException(source + ": projection direction has joint norm " + norm
          + ", expected 1 within " + NORM_TOLERANCE);
    }
  }
}
