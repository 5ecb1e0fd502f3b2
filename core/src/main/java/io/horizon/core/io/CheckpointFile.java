package io.horizon.core.io;

import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterLayout;
import io.horizon.core.model.ParameterSet;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model checkpoints as safetensors files with the PyTorch tensor names and shapes of {@link ParameterLayout}
 * (including the scalar {@code s_const} of ConstGate), F32 by default as PyTorch writes them, F64 on request. The
 * metadata carries {@code format: pt}, the architecture and, when given, the {@link Provenance} as JSON.
 */
public final class CheckpointFile {
  /** Metadata key of the provenance JSON. */
  public static final String PROVENANCE_KEY = "horizon.provenance";
  /** Metadata key of the architecture id. */
  public static final String ARCHITECTURE_KEY = "horizon.architecture";
  /** Metadata key that PyTorch's safetensors writer uses for the framework. */
  public static final String FORMAT_KEY = "format";

  private CheckpointFile() {}

  /** Writes the parameters of {@code model}; {@code provenance} may be null. */
  public static void write(Path file, GatedRnn model, Provenance provenance, TensorDtype dtype) {
    write(file, model.config(), model.parameters(), provenance, dtype);
  }

  /** Writes {@code parameters} after checking them against the layout of {@code config}. */
  public static void write(
      Path file, ModelConfig config, ParameterSet parameters, Provenance provenance, TensorDtype dtype) {
    ParameterLayout.validate(config, parameters, file.toString());
    Map<String, String> metadata = new TreeMap<>();
    metadata.put(FORMAT_KEY, "pt");
    metadata.put(ARCHITECTURE_KEY, config.architecture().id());
    if (provenance != null) {
      if (provenance.architecture() != config.architecture()) {
        throw new IllegalArgumentException(file + ": provenance names architecture " + provenance.architecture()
            + " but the model is " + config.architecture());
      }
      metadata.put(PROVENANCE_KEY, provenance.toJson());
    }
    Safetensors.write(file, parameters, metadata, dtype);
  }

  /**
   * Reads a checkpoint. When the file names its architecture (ours do, PyTorch's do not), the tensors are checked
   * against that layout here and put in layout order; otherwise {@link Checkpoint#config} checks them once the
   * caller names the architecture.
   */
  public static Checkpoint read(Path file) {
    String source = file.toString();
    Safetensors.Content content = Safetensors.read(file);
    Map<String, String> metadata = content.metadata();
    Provenance provenance =
        metadata.containsKey(PROVENANCE_KEY) ? Provenance.fromJson(metadata.get(PROVENANCE_KEY), source) : null;
    Architecture architecture = provenance == null ? null : provenance.architecture();
    if (metadata.containsKey(ARCHITECTURE_KEY)) {
      Architecture named;
      try {
        named = Architecture.parse(metadata.get(ARCHITECTURE_KEY));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": metadata " + ARCHITECTURE_KEY + ": " + e.getMessage(), e);
      }
      if (architecture != null && architecture != named) {
        throw new IllegalArgumentException(source + ": metadata " + ARCHITECTURE_KEY + " is " + named
            + " but the provenance names " + architecture);
      }
      architecture = named;
    }
    ParameterSet parameters = content.tensors();
    if (architecture != null) {
      ModelConfig config = ParameterLayout.infer(architecture, parameters, source);
      parameters = Checkpoint.inLayoutOrder(config, parameters);
    }
    return new Checkpoint(source, architecture, parameters, provenance);
  }
}
