package io.horizon.pipeline.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.horizon.core.io.TensorLimit;
import io.horizon.core.model.GatedRnn;
import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.Tensor;
import org.junit.jupiter.api.Test;

/** Checkpoint messages whose tensors exceed the tensor limit are refused before any tensor is allocated. */
class CheckpointLimitTest {
  private static final String CAMPAIGN = """
      name: limits
      architectures: [gru]
      seeds: [5]
      hiddenSizes: [6]
      trainSequences: [32]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 24, inputDim: 3, lags: [2, 4], coefficients: [0.5, 0.3]}
      epochs: 1
      batchSize: 16
      diagnostic: {sequences: 24, lags: "1:12:6", reservoirCapacity: 100}
      """;
  private static final RunSpec RUN = CampaignGrid.expand(CampaignFiles.parse(CAMPAIGN, "test")).get(0);
  private static final GatedRnn MODEL = RunPlan.of(RUN).training().initialModel();
  private static final Checkpoint CHECKPOINT = CheckpointMessages.encode(RUN, 1, MODEL, null);
  private static final long ELEMENTS =
      CHECKPOINT.getTensorsList().stream().mapToLong(Tensor::getValuesCount).sum();
  private static final String SOURCE = "checkpoint " + RUN.getRunId() + "@1: tensors: ";

  @Test
  void aCheckpointAtTheLimitDecodes() {
    GatedRnn decoded = CheckpointMessages.decode(CHECKPOINT, new TensorLimit(ELEMENTS));
    assertEquals(MODEL.parameters().names(), decoded.parameters().names());
  }

  @Test
  void aCheckpointAboveTheLimitIsRefusedNamingRunEpochAndLimit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CheckpointMessages.decode(CHECKPOINT, new TensorLimit(ELEMENTS - 1)));
    assertEquals(SOURCE + "declares " + ELEMENTS + " tensor elements, more than the limit of " + (ELEMENTS - 1)
        + " (" + TensorLimit.PROPERTY + ")", e.getMessage());
  }

  @Test
  void aShapeDeclaringAHugeTensorIsRefusedEvenWithoutValues() {
    int side = Integer.MAX_VALUE;
    Checkpoint hostile = CHECKPOINT.toBuilder()
        .addTensors(Tensor.newBuilder().setName("huge").addShape(side).addShape(side).addShape(side)).build();
    long limit = TensorLimit.DEFAULT_MAX_ELEMENTS;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CheckpointMessages.decode(hostile, new TensorLimit(limit)));
    assertEquals(SOURCE + "declares " + (ELEMENTS + limit + 1) + " tensor elements, more than the limit of " + limit
        + " (" + TensorLimit.PROPERTY + ")", e.getMessage());
  }
}
