package io.horizon.cli;

import io.horizon.cli.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./horizon report CAMPAIGN}: the plotted HTML report (with its PNG figures) of a campaign's result
 * directory, or of {@code horizon-out/<name>} when given a campaign name.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes a self-contained HTML report of a campaign's results: envelope f̂(ℓ) with its fitted",
        "laws, H_N vs N, N_min vs f̂, τ spectra, α̂ and γ̂, residuals R(ℓ), training curves, spec, provenance."})
final class ReportCommand implements Callable<Integer> {
  /** Where {@code ./horizon demo} and {@code run} write results by default. */
  static final Path DEFAULT_RESULTS = Path.of("horizon-out");
  /** The report's directory inside the results directory when --out is not given. */
  static final String REPORT_DIR = "report";

  @Parameters(index = "0", paramLabel = "CAMPAIGN_DIR_OR_NAME",
      description = "a result directory (holding reports.json) or a campaign name under horizon-out/")
  String campaign;

  @Option(names = "--out", paramLabel = "DIR",
      description = "where report.html and the PNGs go (default: <campaign dir>/" + REPORT_DIR + ")")
  Path out;

  @Override
  public Integer call() {
    Path dir = resolve(campaign);
    Path page = ReportWriter.write(dir, out == null ? dir.resolve(REPORT_DIR) : out);
    System.out.println("report in " + page.toAbsolutePath());
    return 0;
  }

  /** A directory as given, else the results of campaign {@code name} under {@link #DEFAULT_RESULTS}. */
  static Path resolve(String name) {
    Path given = Path.of(name);
    if (Files.isDirectory(given)) {
      return given;
    }
    Path named = DEFAULT_RESULTS.resolve(name);
    if (Files.isDirectory(named)) {
      return named;
    }
    throw new IllegalArgumentException("campaign: '" + name + "' is neither a result directory nor a campaign "
        + "under " + DEFAULT_RESULTS + "/");
  }
}
