package io.horizon.pipeline.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.MessageLite;
import io.horizon.pipeline.message.ReportAssembly;
import io.horizon.proto.v1.CollapseHistory;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.SlowModeTail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The anti-collapse diagnosis and history of a tiny three-checkpoint run, made by the pipeline's pieces (envelope
 * report with the diagnosis and the checkpoint's slow-mode tail index, fits in shuffled order, the aggregator's join,
 * and a restarted join that rebuilds the history from the published reports), equal the in-process computation on
 * the same checkpoints; every checkpoint's tail index is estimated on the increments since the previous one.
 */
class CollapseEquivalenceTest {
  private static final String CAMPAIGN =
      CollapseRun.campaign("collapse-equivalence", 7, 3, 1,
          "{bootstrapResamples: 200, qLow: 0.25, calibrationReplicates: 40, tailBootstraps: 20}");

  @Test
  void stagesEqualTheInProcessDiagnosisAndHistory() {
    List<CollapseRun.Checkpoint> checkpoints = CollapseRun.train(CAMPAIGN).checkpoints();
    ReportAssembly aggregator = new ReportAssembly();
    List<LearnabilityReport> actual = new ArrayList<>();
    Random random = new Random(11);
    for (CollapseRun.Checkpoint c : checkpoints) {
      List<MessageLite> pieces = c.pieces();
      Collections.shuffle(pieces, random);
      pieces.forEach(p -> actual.addAll(CollapseRun.feed(aggregator, p)));
    }
    assertEquals(checkpoints.size(), actual.size());
    for (int i = 0; i < checkpoints.size(); i++) {
      assertEquals(checkpoints.get(i).diagnosis(), actual.get(i).getCollapse(), "diagnosis at checkpoint " + i);
      assertEquals(checkpoints.get(i).history(), actual.get(i).getCollapseHistory(), "history " + i);
    }
    CollapseHistory last = actual.get(actual.size() - 1).getCollapseHistory();
    assertEquals(3, last.getEpochsCount());
    assertTrue(last.getDriftEstimated() || !last.getDriftUnavailable().isEmpty());
    assertEquals(3, last.getZetaMeansCount());
    for (LearnabilityReport r : actual) {
      SlowModeTail tail = r.getCollapse().getSlowModeTail();
      assertTrue(tail.getEstimated(), tail.getUnavailable());
      assertEquals(300, tail.getRecorded(), "3 steps × ⌈0.25·20⌉ slow rows × 20 entries");
      assertEquals(300, tail.getSize());
      assertEquals(50, tail.getK());
      assertEquals(SlowModeTails.SAMPLE_KIND, tail.getSampleKind());
      assertTrue(tail.getAlphaLo() <= tail.getAlphaEff() && tail.getAlphaEff() <= tail.getAlphaHi(), tail.toString());
    }

    ReportAssembly restarted = new ReportAssembly();
    actual.subList(0, 2).forEach(restarted::published);
    List<LearnabilityReport> after = new ArrayList<>();
    checkpoints.get(2).pieces().forEach(p -> after.addAll(CollapseRun.feed(restarted, p)));
    assertEquals(last, after.get(0).getCollapseHistory(), "history rebuilt from the published reports");
  }
}
