package io.horizon.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.horizon.proto.v1.Coupling;
import io.horizon.proto.v1.GradientSampleChunk;
import io.horizon.proto.v1.Records;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import io.horizon.proto.v1.Services;
import io.horizon.proto.v1.Specs;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The horizon.v1 contracts: wire round trips, the package name, and the topic names of the pipeline. */
class ContractsTest {

  @Test
  void samplesSurviveTheWireBitForBit() throws InvalidProtocolBufferException {
    GradientSampleChunk chunk = GradientSampleChunk.newBuilder().setCampaign("quick").setRunId("r1").setEpoch(3)
        .setLag(17).addValues(Math.PI).addValues(-0.0).addValues(Double.MIN_VALUE).setChunkIndex(1)
        .setChunkCount(4).setTotalCount(12).setTotalSum(1e-300).setOrientation(-1).build();
    GradientSampleChunk back = GradientSampleChunk.parseFrom(chunk.toByteArray());
    assertEquals(chunk, back);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.getValues(1)));
  }

  @Test
  void runStatusKeepsItsState() throws InvalidProtocolBufferException {
    RunStatus status = RunStatus.newBuilder().setRunId("r1").setState(RunState.FAILED)
        .setReason("training diverged at epoch 2, batch 5: loss is NaN").build();
    assertEquals(status, RunStatus.parseFrom(status.toByteArray()));
  }

  @Test
  void everyMessageLivesInHorizonV1WithUniqueFieldNumbers() {
    for (FileDescriptor file : List.of(Specs.getDescriptor(), Records.getDescriptor(), Services.getDescriptor(),
        Coupling.getDescriptor())) {
      assertEquals("horizon.v1", file.getPackage(), file.getName());
      for (Descriptor message : file.getMessageTypes()) {
        Set<Integer> numbers = new HashSet<>();
        for (FieldDescriptor field : message.getFields()) {
          assertTrue(numbers.add(field.getNumber()), message.getName() + "." + field.getName());
        }
      }
    }
    assertEquals(4, Services.getDescriptor().getServices().size());
  }

  @Test
  void topicsAreTheNineOfThePipeline() {
    assertEquals(List.of("horizon.campaigns", "horizon.runs", "horizon.training-state", "horizon.checkpoints",
        "horizon.gradient-samples", "horizon.envelopes", "horizon.stable-fits", "horizon.learnability",
        "horizon.dead-letters"), Topics.ALL);
    assertEquals(Set.of("horizon.runs", "horizon.training-state"), Topics.COMPACTED);
    assertEquals("r1/3/17", Topics.sampleKey("r1", 3, 17));
  }
}
