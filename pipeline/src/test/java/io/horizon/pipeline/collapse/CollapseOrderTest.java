package io.horizon.pipeline.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.MessageLite;
import io.horizon.pipeline.message.ReportAssembly;
import io.horizon.proto.v1.EnvelopeReport;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aggregator's anti-collapse history when a run's checkpoints (2, 4, 6 and the last, 7) arrive out of epoch
 * order: the report of checkpoint e carries the history over exactly the checkpoints with epoch ≤ e, equal to the
 * in-process one, whatever the order; a report waits only for the earlier checkpoints' envelopes, and a run without
 * the analyses never waits.
 */
class CollapseOrderTest {
  private static final String CAMPAIGN =
      CollapseRun.campaign("collapse-order", 5, 7, 2, "{bootstrapResamples: 200}");

  private static CollapseRun run;
  private static List<LearnabilityReport> inOrder;

  @BeforeAll
  static void train() {
    run = CollapseRun.train(CAMPAIGN);
    inOrder = run.inOrder();
    assertEquals(List.of(2, 4, 6, 7), run.checkpoints().stream().map(CollapseRun.Checkpoint::epoch).toList());
    for (int i = 0; i < inOrder.size(); i++) {
      assertEquals(run.checkpoints().get(i).history(), inOrder.get(i).getCollapseHistory(), "in order, history " + i);
    }
  }

  @Test
  void everyArrivalOrderGivesTheInOrderReportsOncePerCheckpoint() {
    for (int seed = 0; seed < 12; seed++) {
      List<MessageLite> pieces = new ArrayList<>();
      run.checkpoints().forEach(c -> pieces.addAll(c.pieces()));
      for (int i = 0; i < pieces.size(); i += 4) {
        pieces.add(pieces.get(i));
      }
      Collections.shuffle(pieces, new Random(seed));
      ReportAssembly aggregator = new ReportAssembly();
      List<LearnabilityReport> reports = new ArrayList<>();
      pieces.forEach(p -> reports.addAll(CollapseRun.feed(aggregator, p)));
      reports.sort(Comparator.comparingInt(LearnabilityReport::getEpoch));
      assertEquals(inOrder, reports, "arrival order of seed " + seed);
    }
  }

  @Test
  void aReportWaitsForTheEnvelopesOfTheEarlierCheckpointsOnly() {
    List<CollapseRun.Checkpoint> c = run.checkpoints();
    ReportAssembly aggregator = new ReportAssembly();
    assertEquals(List.of(), feed(aggregator, c.get(3).pieces()), "7 complete, 2, 4 and 6 not diagnosed");
    assertTrue(aggregator.isOpen(run.run().getRunId(), 7));
    assertEquals(List.of(), feed(aggregator, c.get(1).pieces()), "4 complete, 2 not diagnosed");
    assertEquals(List.of(inOrder.get(1)), feed(aggregator, List.of(c.get(0).envelope())), "2 diagnosed: 4 out");
    assertEquals(List.of(inOrder.get(3)), feed(aggregator, List.of(c.get(2).envelope())), "6 diagnosed: 7 out");
    assertFalse(aggregator.isOpen(run.run().getRunId(), 7));
    assertEquals(List.of(inOrder.get(2)), feed(aggregator, c.get(2).fits()), "6 complete");
    assertEquals(List.of(inOrder.get(0)), feed(aggregator, c.get(0).fits()), "2 complete");
  }

  @Test
  void aRunWithoutTheAnalysesIsNeverHeldBack() {
    RunSpec plain = withoutAnalyses();
    CollapseRun.Checkpoint last = run.checkpoints().get(3);
    ReportAssembly aggregator = new ReportAssembly();
    List<LearnabilityReport> reports = new ArrayList<>(
        CollapseRun.feed(aggregator, last.envelope().toBuilder().setRun(plain).clearCollapse().build()));
    assertEquals(List.of(), reports);
    reports.addAll(feed(aggregator, last.fits()));
    assertEquals(1, reports.size(), "out at its last piece though 2, 4 and 6 never came");
    assertEquals(inOrder.get(3).toBuilder().setRun(plain).clearCollapse().clearCollapseHistory().build(),
        reports.get(0));
  }

  @Test
  void aDiagnosisAtAnEpochThatIsNoCheckpointIsRefusedAndNotKept() {
    ReportAssembly aggregator = new ReportAssembly();
    EnvelopeReport fifth = run.checkpoints().get(2).envelope().toBuilder().setEpoch(5).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> aggregator.envelope(fifth));
    assertTrue(e.getMessage().startsWith("epoch: 5 is not a checkpoint of run"), e.getMessage());
    assertFalse(aggregator.isOpen(run.run().getRunId(), 5));
    RunSpec plain = withoutAnalyses();
    EnvelopeReport offButDiagnosed = run.checkpoints().get(0).envelope().toBuilder().setRun(plain).build();
    e = assertThrows(IllegalArgumentException.class, () -> aggregator.envelope(offButDiagnosed));
    assertTrue(e.getMessage().startsWith("run.diagnostic.collapse: absent"), e.getMessage());
    assertFalse(aggregator.isOpen(run.run().getRunId(), 2));
  }

  /** The run's spec with the anti-collapse analyses off. */
  private static RunSpec withoutAnalyses() {
    return run.run().toBuilder().setDiagnostic(run.run().getDiagnostic().toBuilder().clearCollapse()).build();
  }

  /** The reports {@code pieces}, in order, give back. */
  private static List<LearnabilityReport> feed(ReportAssembly aggregator, List<? extends MessageLite> pieces) {
    List<LearnabilityReport> reports = new ArrayList<>();
    pieces.forEach(p -> reports.addAll(CollapseRun.feed(aggregator, p)));
    return reports;
  }
}
