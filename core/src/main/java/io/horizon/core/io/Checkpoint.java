package io.horizon.core.io;

import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.GatedRnns;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterLayout;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.TensorSpec;

/**
 * A checkpoint read from a file.
 *
 * @param source the file, for error messages
 * @param architecture the architecture named by the file's metadata, or null (files written by PyTorch)
 * @param parameters every tensor of the file (layout order when the architecture is known, else file order)
 * @param provenance the provenance of the run, or null when the file carries none
 */
public record Checkpoint(String source, Architecture architecture, ParameterSet parameters, Provenance provenance) {

  /**
   * The model shape (D, H, LayerNorm, and ConstGate's {@code s_const}; the other models get the default
   * {@code const_s}, which only matters for initialisation) read from the tensors and validated against the layout.
   * {@code requested} is the architecture the caller expects: it may be null when the file names one, must be given
   * when it does not, and must agree with it when both are known.
   */
  public ModelConfig config(Architecture requested) {
    Architecture a = architecture;
    if (a == null && requested == null) {
      throw new IllegalArgumentException(source + ": the file names no architecture; give one");
    }
    if (a != null && requested != null && a != requested) {
      throw new IllegalArgumentException(source + ": holds a " + a + " model, not " + requested);
    }
    return ParameterLayout.infer(a != null ? a : requested, parameters, source);
  }

  /** The model with these parameters (the tensors in layout order, shared with this checkpoint). */
  public GatedRnn model(Architecture requested) {
    ModelConfig config = config(requested);
    return GatedRnns.fromParameters(config, inLayoutOrder(config, parameters), source);
  }

  /** The tensors of a validated parameter set in the order of the layout, sharing storage. */
  static ParameterSet inLayoutOrder(ModelConfig config, ParameterSet parameters) {
    return parameters.subset(ParameterLayout.of(config).stream().map(TensorSpec::name).toList());
  }
}
