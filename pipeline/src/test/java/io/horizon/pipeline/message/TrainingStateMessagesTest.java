package io.horizon.pipeline.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;
import io.horizon.core.train.OptimizerState;
import io.horizon.core.train.TrainingState;
import io.horizon.proto.v1.DoubleTensor;
import io.horizon.proto.v1.RunSpec;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training states survive the trip through their {@code horizon.v1} message bit for bit; bad tensors are named. */
class TrainingStateMessagesTest {
  private static final RunSpec RUN = RunSpec.newBuilder().setCampaign("c").setRunId("c-gru-1").build();

  private static Tensor random(String name, Random random, int... shape) {
    double[] data = new double[Tensor.sizeOf(shape)];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
    }
    data[0] = -0.0;
    data[data.length - 1] = Double.MIN_VALUE;
    return new Tensor(name, shape, data);
  }

  @Test
  void statesRoundTripBitForBit() {
    Random random = new Random(5);
    ParameterSet parameters = new ParameterSet(List.of(random("cell.weight", random, 3, 4), random("bias", random, 3)));
    ParameterSet moments = new ParameterSet(List.of(random("cell.weight", random, 3, 4)));
    TrainingState state = new TrainingState(3, parameters,
        new OptimizerState(24, Map.of("second moment", moments, "first moment", moments.copy())));

    io.horizon.proto.v1.TrainingState message = TrainingStateMessages.encode(RUN, state);
    assertEquals("c-gru-1", message.getRunId());
    assertEquals(List.of("first moment", "second moment"),
        message.getOptimizerBuffersList().stream().map(b -> b.getRole()).toList(), "roles in name order");
    TrainingState back = TrainingStateMessages.decode(message);

    assertEquals(3, back.epoch());
    assertEquals(24, back.optimizer().steps());
    assertEquals(List.copyOf(parameters.names()), List.copyOf(back.parameters().names()), "tensor order");
    assertArrayEquals(parameters.flatten(), back.parameters().flatten(), 0.0);
    assertArrayEquals(moments.flatten(), back.optimizer().buffers().get("second moment").flatten(), 0.0);
    assertArrayEquals(new int[] {3, 4}, back.parameters().get("cell.weight").shape());
    assertEquals(message, TrainingStateMessages.encode(RUN, back), "encoding is deterministic");
  }

  @Test
  void aTensorWhoseValuesDoNotFitItsShapeIsRejectedNamingIt() {
    io.horizon.proto.v1.TrainingState message = io.horizon.proto.v1.TrainingState.newBuilder()
        .setRunId("r").setEpoch(2)
        .addParameters(DoubleTensor.newBuilder().setName("w").addShape(2).addValues(1.0))
        .build();
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> TrainingStateMessages.decode(message));
    assertTrue(error.getMessage().startsWith("training state r@2: parameters: tensor 'w'"), error.getMessage());
  }
}
