package io.horizon.pipeline.kafka;

/**
 * What a pipeline stage tells about its records, per topic: each input record handled (with how long the stage
 * took) or rejected, each output record published, how far its consumer is behind the end of each input topic, and
 * how many of each input topic's partitions this instance holds (how replicas of a stage split the work).
 */
public interface StageObserver {
  /** The stage consumes {@code topic}; called once per input topic before the first poll. */
  void subscribed(String topic);

  /** An input record of {@code topic} was handled in {@code nanos} nanoseconds. */
  void handled(String topic, long nanos);

  /** An input record of {@code topic} was rejected (bad input) and skipped. */
  void rejected(String topic);

  /** An output record was sent to {@code topic}. */
  void published(String topic);

  /** The consumer is {@code records} records behind the end of {@code topic} (summed over its partitions). */
  void lag(String topic, long records);

  /** This instance's consumer holds {@code partitions} partitions of {@code topic}. */
  void assigned(String topic, int partitions);
}
