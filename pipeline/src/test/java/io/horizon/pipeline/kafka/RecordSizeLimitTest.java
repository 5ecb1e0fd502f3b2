package io.horizon.pipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Records above the size limit are rejected with a reason naming the record, before their value is parsed. */
class RecordSizeLimitTest {
  private static final int LIMIT = 1024;

  private static ConsumerRecord<String, byte[]> recordOf(int valueBytes) {
    return new ConsumerRecord<>("horizon.checkpoints", 3, 17L, 0L, TimestampType.CREATE_TIME, 1, valueBytes, "k",
        new byte[0], new RecordHeaders(), Optional.empty());
  }

  @Test
  void aRecordAtTheLimitPasses() {
    assertDoesNotThrow(() -> new RecordSizeLimit(LIMIT).check(recordOf(LIMIT)));
  }

  @Test
  void aLargerRecordIsRejectedWithItsPositionAndBothSizes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RecordSizeLimit(LIMIT).check(recordOf(LIMIT + 1)));
    assertEquals("record horizon.checkpoints-3@17: value of " + (LIMIT + 1) + " bytes is larger than the limit of "
        + LIMIT + " bytes", e.getMessage());
  }

  @Test
  void thePipelineLimitIsTheTopicsRecordLimit() {
    assertEquals(TopicLayout.MAX_RECORD_BYTES, RecordSizeLimit.PIPELINE.maxValueBytes());
  }

  @Test
  void aNonPositiveLimitIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RecordSizeLimit(0));
    assertEquals("maxValueBytes: must be positive, got 0", e.getMessage());
  }
}
