package io.horizon.cli.report;

import io.horizon.proto.v1.LearnabilityReport;
import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The legend label and colour of each run, the same in every figure: the architecture when it names one run
 * only, else the run id.
 */
final class RunStyles {
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf)};

  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, Color> colors = new HashMap<>();

  /** Styles for the runs of {@code finalReports}, in that order. */
  RunStyles(List<LearnabilityReport> finalReports) {
    Map<String, Long> perArchitecture = new HashMap<>();
    finalReports.forEach(r -> perArchitecture.merge(r.getArchitecture(), 1L, Long::sum));
    for (LearnabilityReport r : finalReports) {
      labels.put(r.getRunId(), perArchitecture.get(r.getArchitecture()) == 1 ? r.getArchitecture() : r.getRunId());
      colors.put(r.getRunId(), PALETTE[colors.size() % PALETTE.length]);
    }
  }

  /** The legend label of run {@code runId} (the run id itself for a run without a report). */
  String label(String runId) {
    return labels.getOrDefault(runId, runId);
  }

  /** The colour of run {@code runId} (grey for a run without a report). */
  Color color(String runId) {
    return colors.getOrDefault(runId, Color.GRAY);
  }
}
