package io.horizon.pipeline.kafka;

import io.horizon.pipeline.message.ReportAssembly;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.StableFit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The aggregator's consuming step: envelopes and fits read from their partitions go into a {@link ReportAssembly},
 * and the offsets it may commit stop, on each partition, at the first record of a checkpoint whose report is not
 * out yet, whether it still waits for pieces or is held back for its run's history. After a restart the reports
 * read back mark their checkpoints done and the open checkpoints are read again from their first record, so every
 * report is published once and none is lost.
 */
public final class ReportJoin {
  private final ReportAssembly assembly = new ReportAssembly();
  private final HeldOffsets held = new HeldOffsets();

  /** A report already on the learnability topic, read back at start before any envelope or fit. */
  public void published(LearnabilityReport report) {
    assembly.published(report);
  }

  /** The envelope read at {@code offset} of {@code partition}; returns the reports to publish, in order. */
  public List<LearnabilityReport> envelope(EnvelopeReport envelope, TopicPartition partition, long offset) {
    return read(envelope.getRunId(), envelope.getEpoch(), assembly.envelope(envelope), partition, offset);
  }

  /** The fit read at {@code offset} of {@code partition}; returns the reports to publish, in order. */
  public List<LearnabilityReport> fit(StableFit fit, TopicPartition partition, long offset) {
    return read(fit.getRunId(), fit.getEpoch(), assembly.fit(fit), partition, offset);
  }

  /** The committable offset of each partition given its next position (see {@link HeldOffsets}). */
  public Map<TopicPartition, Long> committable(Map<TopicPartition, Long> positions) {
    return held.committable(positions);
  }

  private List<LearnabilityReport> read(String runId, int epoch, List<LearnabilityReport> released,
      TopicPartition partition, long offset) {
    if (assembly.isOpen(runId, epoch)) {
      held.read(ReportAssembly.key(runId, epoch), partition, offset);
    }
    released.forEach(r -> held.close(ReportAssembly.key(r.getRunId(), r.getEpoch())));
    return released;
  }
}
