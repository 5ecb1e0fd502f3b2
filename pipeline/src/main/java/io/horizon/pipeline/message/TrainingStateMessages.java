package io.horizon.pipeline.message;

import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;
import io.horizon.core.train.OptimizerState;
import io.horizon.core.train.TrainingState;
import io.horizon.proto.v1.DoubleTensor;
import io.horizon.proto.v1.OptimizerBuffers;
import io.horizon.proto.v1.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's resume point as a {@code horizon.v1.TrainingState} message and back (THEORY §8.2): parameters and
 * optimizer buffers in float64, so that decoding gives back the very bits that were saved.
 */
public final class TrainingStateMessages {
  private TrainingStateMessages() {}

  /** The message of {@code state} of {@code run}; optimizer roles in name order, so equal states encode equally. */
  public static io.horizon.proto.v1.TrainingState encode(RunSpec run, TrainingState state) {
    io.horizon.proto.v1.TrainingState.Builder b = io.horizon.proto.v1.TrainingState.newBuilder()
        .setCampaign(run.getCampaign())
        .setRunId(run.getRunId())
        .setEpoch(state.epoch())
        .setOptimizerSteps(state.optimizer().steps());
    state.parameters().tensors().forEach(t -> b.addParameters(tensor(t)));
    new TreeMap<>(state.optimizer().buffers()).forEach((role, buffers) -> {
      OptimizerBuffers.Builder ob = OptimizerBuffers.newBuilder().setRole(role);
      buffers.tensors().forEach(t -> ob.addTensors(tensor(t)));
      b.addOptimizerBuffers(ob);
    });
    return b.build();
  }

  /** The state a message holds; a malformed tensor or duplicate role is rejected naming the run and the field. */
  public static TrainingState decode(io.horizon.proto.v1.TrainingState message) {
    String source = "training state " + message.getRunId() + "@" + message.getEpoch();
    try {
      Map<String, ParameterSet> buffers = new LinkedHashMap<>();
      for (OptimizerBuffers ob : message.getOptimizerBuffersList()) {
        if (buffers.put(ob.getRole(), tensors(ob.getTensorsList(), "optimizer_buffers." + ob.getRole())) != null) {
          throw new IllegalArgumentException("optimizer_buffers: role '" + ob.getRole() + "' twice");
        }
      }
      return new TrainingState(message.getEpoch(), tensors(message.getParametersList(), "parameters"),
          new OptimizerState(message.getOptimizerSteps(), buffers));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static DoubleTensor tensor(Tensor t) {
    DoubleTensor.Builder b = DoubleTensor.newBuilder().setName(t.name());
    for (int d : t.shape()) {
      b.addShape(d);
    }
    for (double v : t.data()) {
      b.addValues(v);
    }
    return b.build();
  }

  private static ParameterSet tensors(List<DoubleTensor> messages, String path) {
    List<Tensor> out = new ArrayList<>();
    for (DoubleTensor t : messages) {
      int[] shape = t.getShapeList().stream().mapToInt(Integer::intValue).toArray();
      double[] data = new double[t.getValuesCount()];
      for (int i = 0; i < data.length; i++) {
        data[i] = t.getValues(i);
      }
      try {
        out.add(new Tensor(t.getName(), shape, data));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
      }
    }
    return new ParameterSet(out);
  }
}
