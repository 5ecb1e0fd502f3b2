package io.horizon.pipeline.message;

import io.horizon.core.io.Provenance;
import io.horizon.core.io.TensorLimit;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Frozen checkpoints as {@code horizon.v1.Checkpoint} messages: every tensor of the model under its PyTorch name
 * and shape (docs/checkpoints.md), row-major float32 as in a safetensors file, with the provenance JSON.
 */
public final class CheckpointMessages {
  private CheckpointMessages() {}

  /** The checkpoint message of {@code model} after {@code epoch} of {@code run}; {@code provenance} may be null. */
  public static Checkpoint encode(RunSpec run, int epoch, GatedRnn model, Provenance provenance) {
    Checkpoint.Builder b = Checkpoint.newBuilder()
        .setCampaign(run.getCampaign())
        .setRunId(run.getRunId())
        .setEpoch(epoch)
        .setArchitecture(model.config().architecture().id())
        .setRun(run);
    if (provenance != null) {
      b.setProvenanceJson(provenance.toJson());
    }
    for (io.horizon.core.model.Tensor t : model.parameters().tensors()) {
      Tensor.Builder tensor = Tensor.newBuilder().setName(t.name());
      for (int d : t.shape()) {
        tensor.addShape(d);
      }
      for (double v : t.data()) {
        tensor.addValues((float) v);
      }
      b.addTensors(tensor);
    }
    return b.build();
  }

  /**
   * The model a checkpoint message holds, validated against the layout of its architecture. Trainer, diagnostics
   * and the in-process reference all diagnose this float32 model, never the float64 one that was trained.
   */
  public static GatedRnn decode(Checkpoint message) {
    return decode(message, TensorLimit.configured());
  }

  /**
   * The model a checkpoint message holds, as {@link #decode(Checkpoint)}; a message whose tensors declare (by shape)
   * or carry more elements than {@code limit} is refused before any tensor is allocated.
   */
  public static GatedRnn decode(Checkpoint message, TensorLimit limit) {
    String source = "checkpoint " + message.getRunId() + "@" + message.getEpoch();
    long declared = 0;
    for (Tensor t : message.getTensorsList()) {
      declared += Math.max(declaredElements(t, limit), t.getValuesCount());
      limit.check(source + ": tensors", declared);
    }
    Architecture architecture;
    try {
      architecture = Architecture.parse(message.getArchitecture());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": architecture: " + e.getMessage(), e);
    }
    List<io.horizon.core.model.Tensor> tensors = new ArrayList<>();
    for (Tensor t : message.getTensorsList()) {
      int[] shape = t.getShapeList().stream().mapToInt(Integer::intValue).toArray();
      double[] data = new double[t.getValuesCount()];
      for (int i = 0; i < data.length; i++) {
        data[i] = t.getValues(i);
      }
      try {
        tensors.add(new io.horizon.core.model.Tensor(t.getName(), shape, data));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": tensors: " + e.getMessage(), e);
      }
    }
    Provenance provenance = message.getProvenanceJson().isEmpty() ? null
        : Provenance.fromJson(message.getProvenanceJson(), source);
    return new io.horizon.core.io.Checkpoint(source, architecture, new ParameterSet(tensors), provenance).model(null);
  }

  /** The element count a tensor's shape declares, capped just above {@code limit} so that it cannot overflow. */
  private static long declaredElements(Tensor tensor, TensorLimit limit) {
    long cap = limit.maxElements() + 1;
    long n = 1;
    for (int d : tensor.getShapeList()) {
      n = d <= 0 ? 0 : n > cap / d ? cap : n * d;
    }
    return Math.min(n, cap);
  }
}
