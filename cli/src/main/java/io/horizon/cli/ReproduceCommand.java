package io.horizon.cli;

import io.horizon.cli.campaign.CampaignResults;
import io.horizon.cli.campaign.CampaignRunner;
import io.horizon.cli.reproduce.AntiCollapseStudy;
import io.horizon.cli.reproduce.LearnabilityWindowStudy;
import io.horizon.cli.reproduce.ResultsDocument;
import io.horizon.cli.reproduce.StageTimes;
import io.horizon.cli.reproduce.Study;
import io.horizon.cli.reproduce.TimeScaleCouplingStudy;
import io.horizon.pipeline.campaign.CampaignFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./horizon reproduce}: runs the papers' presets one after another on one embedded stack (as {@code demo}),
 * writes each preset's results, report and stage times under {@code --out}, then regenerates the results document
 * and its figures in {@code --docs}; with {@code --from} only the document, from result files already written.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    description = {"Runs the papers' presets on an embedded stack (broker + four services), writes each preset's",
        "results and report under --out/<preset>/, then regenerates --docs/results.md with its figures: fitted",
        "quantities per architecture, Ĥ_N vs N, and a verdict for each claim of the papers. --from DIR only",
        "regenerates the document from results already written (no training)."})
final class ReproduceCommand implements Callable<Integer> {
  /** The studies of the results document. */
  static final List<Study> STUDIES =
      List.of(new LearnabilityWindowStudy(), new TimeScaleCouplingStudy(), new AntiCollapseStudy());

  @Option(names = "--presets", split = ",", paramLabel = "PRESET",
      description = "presets to run, in order (default: every study's presets)")
  List<String> presets;

  @Option(names = "--out", defaultValue = "horizon-out", paramLabel = "DIR",
      description = "results go to DIR/<preset>/, the stack's data and logs to DIR/stack/ (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--docs", defaultValue = "docs", paramLabel = "DIR",
      description = "where results.md and its figures (results/<preset>/*.png) go (default: ${DEFAULT-VALUE})")
  Path docs;

  @Option(names = "--missing-only",
      description = "run only the presets that have no results under --out yet (continues an interrupted or "
          + "partial reproduction); the document is written from all results under --out")
  boolean missingOnly;

  @Option(names = "--from", paramLabel = "DIR",
      description = "regenerate the document from the results under DIR without running anything")
  Path from;

  @Override
  public Integer call() throws InterruptedException {
    if (from != null) {
      System.out.println("results document in " + document(from).toAbsolutePath());
      return 0;
    }
    List<String> names = presets == null ? defaultPresets() : presets;
    names.forEach(CampaignFiles::preset);
    if (missingOnly) {
      List<String> done = names.stream().filter(this::hasResults).toList();
      if (!done.isEmpty()) {
        System.err.println("reproduce: results under " + out + " already exist for " + done + "; not run again");
      }
      names = names.stream().filter(n -> !done.contains(n)).toList();
    }
    int code = names.isEmpty() ? 0 : run(names);
    List<String> ran = names;
    if (!missingOnly && STUDIES.stream().flatMap(s -> s.presets().stream()).noneMatch(ran::contains)) {
      System.err.println("reproduce: none of " + names + " is a preset of the results document; "
          + docs.resolve(ResultsDocument.FILE) + " left as it was");
      return code;
    }
    System.out.println("results document in " + document(out).toAbsolutePath());
    return code;
  }

  private boolean hasResults(String preset) {
    return Files.isRegularFile(out.resolve(preset).resolve(CampaignResults.REPORTS_FILE));
  }

  /** Every study's presets, in order. */
  static List<String> defaultPresets() {
    return STUDIES.stream().flatMap(s -> s.presets().stream()).toList();
  }

  /** Runs every preset on one stack, writing results, report and stage times; 1 when any run did not finish. */
  private int run(List<String> names) throws InterruptedException {
    long start = System.nanoTime();
    int code = 0;
    Map<String, Double> total = new LinkedHashMap<>();
    try (EmbeddedSession session = EmbeddedSession.start(out, System.err)) {
      total.put(StageTimes.STACK_UP, session.startSeconds());
      for (int i = 0; i < names.size(); i++) {
        System.err.printf(Locale.ROOT, "reproduce: preset %d of %d: %s%n", i + 1, names.size(), names.get(i));
        long presetStart = System.nanoTime();
        EmbeddedSession.Completed done = session.run(CampaignFiles.preset(names.get(i)));
        CampaignRunner.Outcome outcome = done.outcome();
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put(StageTimes.TRAINING, outcome.trainingSeconds());
        stages.put(StageTimes.REMAINING_REPORTS, outcome.reportSeconds());
        stages.put(StageTimes.REPORTING, done.reportingSeconds());
        stages.put(StageTimes.TOTAL, (System.nanoTime() - presetStart) / 1e9);
        new StageTimes(stages).write(done.results());
        total.put(names.get(i), stages.get(StageTimes.TOTAL));
        System.out.print(outcome.results().table());
        System.out.println("report in " + done.report().toAbsolutePath());
        code = Math.max(code, outcome.exitCode(System.err));
      }
    }
    total.put(StageTimes.TOTAL, (System.nanoTime() - start) / 1e9);
    new StageTimes(total).write(out);
    return code;
  }

  private Path document(Path results) {
    return new ResultsDocument(results, ReportCommand.REPORT_DIR, STUDIES).write(docs);
  }
}
