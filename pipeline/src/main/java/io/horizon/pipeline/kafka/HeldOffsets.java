package io.horizon.pipeline.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets a stateful stage may commit: on each partition, not past the first record of any unit of work (a lag's
 * chunks, a checkpoint's envelope and fits) that is still open, so that after a restart the open units are read
 * again from their start and nothing already counted is needed from memory.
 */
public final class HeldOffsets {
  private final Map<String, Map<TopicPartition, Long>> open = new HashMap<>();

  /** A record of unit {@code key} was read at {@code offset} of {@code partition}. */
  public void read(String key, TopicPartition partition, long offset) {
    open.computeIfAbsent(key, k -> new HashMap<>()).merge(partition, offset, Math::min);
  }

  /** Unit {@code key} is complete and its output published. */
  public void close(String key) {
    open.remove(key);
  }

  /** The committable offset of each partition given its next position. */
  public Map<TopicPartition, Long> committable(Map<TopicPartition, Long> positions) {
    Map<TopicPartition, Long> out = new HashMap<>(positions);
    open.values().forEach(first -> first.forEach((p, offset) -> out.computeIfPresent(p, (k, o) -> Math.min(o, offset))));
    return out;
  }
}
