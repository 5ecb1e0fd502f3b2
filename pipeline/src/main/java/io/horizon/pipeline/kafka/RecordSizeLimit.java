package io.horizon.pipeline.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The largest record value a stage accepts, checked before it is parsed: a larger one is rejected (and so goes to
 * the dead letters with the reason) instead of being decoded into memory.
 */
public record RecordSizeLimit(int maxValueBytes) {
  /** The pipeline's limit, the same as the topics' {@link TopicLayout#MAX_RECORD_BYTES}. */
  public static final RecordSizeLimit PIPELINE = new RecordSizeLimit(TopicLayout.MAX_RECORD_BYTES);

  /** Checks that the limit is positive. */
  public RecordSizeLimit {
    if (maxValueBytes <= 0) {
      throw new IllegalArgumentException("maxValueBytes: must be positive, got " + maxValueBytes);
    }
  }

  /** Throws {@link IllegalArgumentException} naming the record when its value is larger than the limit. */
  public void check(ConsumerRecord<?, ?> record) {
    if (record.serializedValueSize() > maxValueBytes) {
      throw new IllegalArgumentException("record " + record.topic() + "-" + record.partition() + "@"
          + record.offset() + ": value of " + record.serializedValueSize() + " bytes is larger than the limit of "
          + maxValueBytes + " bytes");
    }
  }
}
