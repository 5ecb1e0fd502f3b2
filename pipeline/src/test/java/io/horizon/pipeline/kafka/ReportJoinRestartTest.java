package io.horizon.pipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.MessageLite;
import io.horizon.pipeline.collapse.CollapseRun;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.StableFit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aggregator's restart rule without a broker, for a run with the anti-collapse analyses whose checkpoints arrive
 * latest first (so reports are held back for their history), each checkpoint's envelope first, among or after its
 * shuffled fits: the envelopes and fits lie on two partitions of each topic, the join commits what {@link ReportJoin#committable} allows every few records, "crashes" at every record,
 * and a fresh join reads the published reports back and resumes from the committed offsets. Whether the reports
 * sent since the last commit reached the topic or not, the topic ends with exactly one report per checkpoint, each
 * equal to the undisturbed one.
 */
class ReportJoinRestartTest {
  private static final int BATCH = 3;
  private static final String CAMPAIGN = """
      name: join-restart
      architectures: [diag]
      seeds: [3]
      hiddenSizes: [20]
      trainSequences: [48]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 40, inputDim: 3, lags: [2, 6], coefficients: [0.5, 0.3]}
      epochs: 5
      batchSize: 16
      checkpointEvery: 2
      diagnostic:
        sequences: 24
        lags: "2:36:8"
        reservoirCapacity: 100
        collapse: {bootstrapResamples: 100}
      """;

  /** One record of the input log: a piece of a checkpoint at its partition and offset. */
  private record Record(MessageLite piece, TopicPartition partition, long offset) {}

  /** What a stage run left: the reports it sent, how many of them before its last commit, and that commit. */
  private record Outcome(List<LearnabilityReport> sent, int sentByCommit, Map<TopicPartition, Long> committed) {}

  private static List<Record> log;
  private static Map<Integer, LearnabilityReport> undisturbed;
  /** Records of the last checkpoint, the first ones of the log. */
  private static int latestPieces;

  @BeforeAll
  static void inputLog() {
    List<CollapseRun.Checkpoint> checkpoints = CollapseRun.train(CAMPAIGN).checkpoints();
    latestPieces = checkpoints.get(checkpoints.size() - 1).pieces().size();
    Random random = new Random(5);
    Map<TopicPartition, Long> next = new HashMap<>();
    log = new ArrayList<>();
    for (int i = checkpoints.size() - 1; i >= 0; i--) {
      List<MessageLite> pieces = new ArrayList<>(checkpoints.get(i).fits());
      Collections.shuffle(pieces, random);
      int[] envelopeAt = {0, random.nextInt(1, pieces.size()), pieces.size()};
      pieces.add(envelopeAt[i % envelopeAt.length], checkpoints.get(i).envelope());
      for (MessageLite piece : pieces) {
        TopicPartition partition =
            new TopicPartition(piece instanceof EnvelopeReport ? Topics.ENVELOPES : Topics.STABLE_FITS, i % 2);
        long offset = next.merge(partition, 1L, Long::sum) - 1;
        log.add(new Record(piece, partition, offset));
      }
    }
    undisturbed = byEpoch(consume(new ReportJoin(), Map.of(), log.size()).sent());
    assertEquals(checkpoints.size(), undisturbed.size());
    checkpoints.forEach(c -> assertEquals(c.history(), undisturbed.get(c.epoch()).getCollapseHistory()));
  }

  @Test
  void aCrashAtAnyRecordPublishesEveryReportOnceAndUnchanged() {
    for (int crash = 0; crash <= log.size(); crash++) {
      Outcome before = consume(new ReportJoin(), Map.of(), crash);
      for (boolean sentSinceCommitReachedTopic : new boolean[] {true, false}) {
        List<LearnabilityReport> topic = new ArrayList<>(
            sentSinceCommitReachedTopic ? before.sent() : before.sent().subList(0, before.sentByCommit()));
        ReportJoin restarted = new ReportJoin();
        topic.forEach(restarted::published);
        topic.addAll(consume(restarted, before.committed(), log.size()).sent());
        String what = "crash after record " + crash + (sentSinceCommitReachedTopic ? "" : ", unsent lost");
        assertEquals(undisturbed.size(), topic.size(), what + ": one report per checkpoint");
        assertEquals(undisturbed, byEpoch(topic), what);
      }
    }
  }

  @Test
  void theLastCheckpointIsHeldBackUntilTheEarlierEnvelopesArrive() {
    assertEquals(List.of(), consume(new ReportJoin(), Map.of(), latestPieces).sent(),
        "the last checkpoint is complete but waits for the diagnoses of epochs 2 and 4");
  }

  /**
   * A join that reads the log's records [committed offset of their partition, {@code to}) in order, committing after
   * every {@link #BATCH} records.
   */
  private static Outcome consume(ReportJoin join, Map<TopicPartition, Long> from, int to) {
    Map<TopicPartition, Long> positions = new HashMap<>(from);
    Map<TopicPartition, Long> committed = new HashMap<>(from);
    List<LearnabilityReport> sent = new ArrayList<>();
    int sentByCommit = 0;
    int read = 0;
    for (Record r : log.subList(0, to)) {
      if (r.offset() < from.getOrDefault(r.partition(), 0L)) {
        continue;
      }
      sent.addAll(r.piece() instanceof EnvelopeReport e ? join.envelope(e, r.partition(), r.offset())
          : join.fit((StableFit) r.piece(), r.partition(), r.offset()));
      positions.put(r.partition(), r.offset() + 1);
      if (++read % BATCH == 0) {
        committed = join.committable(positions);
        sentByCommit = sent.size();
      }
    }
    return new Outcome(sent, sentByCommit, committed);
  }

  private static Map<Integer, LearnabilityReport> byEpoch(List<LearnabilityReport> reports) {
    Map<Integer, LearnabilityReport> out = new TreeMap<>();
    reports.forEach(r -> out.put(r.getEpoch(), r));
    return out;
  }
}
