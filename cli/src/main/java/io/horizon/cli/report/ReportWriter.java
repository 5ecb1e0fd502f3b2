package io.horizon.cli.report;

import io.horizon.cli.campaign.CampaignResults;
import io.horizon.proto.v1.LearnabilityReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the report of a campaign's result directory: every figure as a PNG and {@value #HTML_FILE}, one
 * self-contained page that embeds them.
 */
public final class ReportWriter {
  /** The report page's file name. */
  public static final String HTML_FILE = "report.html";

  private ReportWriter() {}

  /** Reads the results under {@code resultsDir}, writes the report into {@code outDir}; returns the page's path. */
  public static Path write(Path resultsDir, Path outDir) {
    ReportInputs in = ReportInputs.read(resultsDir);
    if (in.reports().isEmpty()) {
      throw new IllegalArgumentException(resultsDir.resolve(CampaignResults.REPORTS_FILE)
          + ": holds no learnability report; nothing to plot");
    }
    List<Plot> plots = plots(in);
    try {
      Files.createDirectories(outDir);
      for (Plot p : plots) {
        Files.write(outDir.resolve(p.file()), p.png());
      }
      Path page = outDir.resolve(HTML_FILE);
      Files.writeString(page, HtmlReport.render(in, plots, Instant.now()), StandardCharsets.UTF_8);
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the report under " + outDir + ": " + e.getMessage(), e);
    }
  }

  /** Every figure of the report, in page order. */
  static List<Plot> plots(ReportInputs in) {
    List<LearnabilityReport> finals = in.finalReports();
    RunStyles styles = new RunStyles(finals);
    List<Plot> plots = new ArrayList<>(EnvelopePlots.of(finals, styles));
    plots.addAll(ComplexityPlots.of(finals, styles));
    plots.add(SpectrumPlot.of(finals, styles));
    plots.addAll(CollapsePlots.of(in.reports(), finals, styles));
    plots.addAll(StablePlots.of(finals, styles));
    plots.addAll(TrainingPlots.of(in.training(), styles));
    plots.addAll(CouplingPlots.of(in.reports(), finals, styles));
    return plots;
  }
}
