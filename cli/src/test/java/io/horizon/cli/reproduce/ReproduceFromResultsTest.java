package io.horizon.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.cli.HorizonCommand;
import io.horizon.cli.campaign.CampaignResults;
import io.horizon.cli.campaign.InProcessRun;
import io.horizon.core.io.CodeVersion;
import io.horizon.pipeline.campaign.CampaignFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./horizon reproduce --from}: the result files of tiny real campaigns (trained and diagnosed in this JVM)
 * stand for the AdamW and plain-SGD presets (ConstGate, SharedGate, DiagGate), for the two S1/S2 coupling presets
 * and for the anti-collapse preset; the momentum and plain-RNN presets are absent. The document holds the claims
 * table with a verdict for every claim of every study, the tables of each preset that ran, a note for those that did
 * not, figures that exist, every study's verdict rules and the provenance with stage times.
 */
class ReproduceFromResultsTest {
  private static final String YAML = """
      name: tiny-lw
      architectures: [const, shared, diag]
      seeds: [7]
      hiddenSizes: [6]
      trainSequences: [64]
      optimizers: [{kind: adamw, lr: 0.01}]
      task: {name: multilag, length: 32, inputDim: 3, lags: [2, 4], coefficients: [0.6, 0.4], noiseStd: 0.2}
      epochs: 2
      batchSize: 16
      checkpointEvery: 1
      diagnostic: {sequences: 32, lags: "1:16:6", reservoirCapacity: 300}
      """;
  private static final List<Study> STUDIES =
      List.of(new LearnabilityWindowStudy(), new TimeScaleCouplingStudy(), new AntiCollapseStudy());

  @TempDir static Path dir;
  private static String document;
  private static Path docs;

  @BeforeAll
  static void writeResultsAndRegenerate() throws IOException {
    Path results = dir.resolve("results");
    CampaignResults tiny = InProcessRun.campaign(CampaignFiles.parse(YAML, "tiny-lw.yaml"));
    tiny.write(results.resolve(LearnabilityWindowStudy.ADAMW));
    tiny.write(results.resolve(LearnabilityWindowStudy.SGD));
    new StageTimes(Map.of(StageTimes.TRAINING, 12.5)).write(results.resolve(LearnabilityWindowStudy.ADAMW));
    CampaignResults coupling = InProcessRun.campaign(
        CampaignFiles.parse(InProcessRun.tinyCouplingCampaign("tiny-tsc"), "tiny-tsc.yaml"));
    coupling.write(results.resolve(TimeScaleCouplingStudy.S1));
    coupling.write(results.resolve(TimeScaleCouplingStudy.S2));
    InProcessRun.campaign(CampaignFiles.parse(InProcessRun.tinyCollapseCampaign("tiny-ac"), "tiny-ac.yaml"))
        .write(results.resolve(AntiCollapseStudy.PRESET));
    docs = dir.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve(ResultsDocument.DISCUSSION_FILE), "Why the tiny runs disagree.\n");
    int code = HorizonCommand.commandLine().execute("reproduce", "--from", results.toString(), "--docs",
        docs.toString());
    assertEquals(0, code);
    document = Files.readString(docs.resolve(ResultsDocument.FILE), StandardCharsets.UTF_8);
  }

  @Test
  void everyClaimHasAVerdictAndTheNumbersThatDecidedIt() {
    for (Claim c : STUDIES.stream().flatMap(study -> study.claims().stream()).toList()) {
      Matcher row = Pattern.compile("^\\| " + Pattern.quote(c.id()) + " +\\|(.*)$", Pattern.MULTILINE)
          .matcher(document);
      assertTrue(row.find(), "no row for claim " + c.id());
      String[] cells = row.group(1).split("\\|");
      String verdict = cells[3].strip();
      assertTrue(List.of("**holds**", "**does not hold**", "**inconclusive**").contains(verdict),
          c.id() + ": " + verdict);
      assertFalse(cells[4].isBlank(), c.id() + " gives no evidence");
      if (c.presets().contains(LearnabilityWindowStudy.MOMENTUM)
          || c.presets().contains(TimeScaleCouplingStudy.S2_PLAIN)) {
        assertEquals("**inconclusive**", verdict, c.id() + " has no results");
      }
    }
    STUDIES.forEach(study -> study.rules().forEach(rule -> assertTrue(document.contains(rule), rule)));
  }

  @Test
  void theDiscussionFollowsTheClaims() {
    int claims = document.indexOf("## Claims");
    int discussion = document.indexOf("## Discussion\n\nWhy the tiny runs disagree.");
    assertTrue(claims >= 0 && discussion > claims, "discussion after the claims");
  }

  @Test
  void eachPresetThatRanHasItsTablesAndTheOtherIsNamedAsNotRun() {
    for (String preset : List.of(LearnabilityWindowStudy.ADAMW, LearnabilityWindowStudy.SGD)) {
      String section = section(preset);
      assertTrue(section.contains("Fitted quantities per architecture"), preset);
      assertTrue(section.contains("| architecture | runs | τ_env"), preset);
      assertTrue(section.contains("Ĥ_N vs N"), preset);
      for (String architecture : List.of("const", "shared", "diag")) {
        assertTrue(section.contains("| " + architecture + " "), preset + " " + architecture);
      }
    }
    assertTrue(section(LearnabilityWindowStudy.MOMENTUM).contains("Not run"), "momentum preset absent");
    for (String preset : List.of(TimeScaleCouplingStudy.S1, TimeScaleCouplingStudy.S2)) {
      String section = section(preset);
      assertTrue(section.contains("| architecture | runs | slope s"), preset);
      assertTrue(section.contains("| const ") && section.contains("| shared "), preset);
    }
    assertTrue(section(TimeScaleCouplingStudy.S2_PLAIN).contains("Not run"), "plain-RNN preset absent");
    String collapse = section(AntiCollapseStudy.PRESET);
    assertTrue(collapse.contains("| architecture | runs | phase"), collapse);
    for (String architecture : List.of("const", "shared", "diag")) {
      assertTrue(collapse.contains("| " + architecture + " "), "anticollapse " + architecture);
    }
  }

  @Test
  void everyReferencedFigureExistsAndEachPresetHasItsFigures() throws IOException {
    Matcher figures = Pattern.compile("\\]\\((results/[^)]+\\.png)\\)").matcher(document);
    List<String> referenced = new ArrayList<>();
    while (figures.find()) {
      referenced.add(figures.group(1));
      Path png = docs.resolve(figures.group(1));
      assertTrue(Files.isRegularFile(png) && Files.size(png) > 0, figures.group(1));
    }
    for (String preset : List.of(LearnabilityWindowStudy.ADAMW, LearnabilityWindowStudy.SGD)) {
      assertTrue(referenced.contains(ResultFigures.FOLDER + "/" + preset + "/envelope-semilog.png"), preset);
      assertTrue(referenced.contains(ResultFigures.FOLDER + "/" + preset + "/window.png"), preset);
    }
  }

  @Test
  void provenanceNamesCodeVersionSeedsSpecsAndStageTimes() {
    String provenance = document.substring(document.indexOf("## Provenance"));
    assertTrue(provenance.contains(CodeVersion.current()), "code version");
    assertTrue(provenance.contains("seeds [7]"), "seeds");
    assertTrue(provenance.contains("\"name\": \"tiny-lw\""), "spec");
    assertTrue(provenance.contains("| " + LearnabilityWindowStudy.ADAMW + " | " + StageTimes.TRAINING + " | 12.5"),
        "stage times");
  }

  @Test
  void missingOnlyRunsNothingWhenEveryPresetHasResultsAndStillWritesTheDocument() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream before = System.err;
    Path again = dir.resolve("docs-again");
    int code;
    try (PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setErr(capture);
      code = HorizonCommand.commandLine().execute("reproduce", "--missing-only", "--presets",
          LearnabilityWindowStudy.ADAMW + "," + LearnabilityWindowStudy.SGD, "--out", dir.resolve("results").toString(),
          "--docs", again.toString());
    } finally {
      System.setErr(before);
    }
    assertEquals(0, code);
    String said = err.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("already exist for [" + LearnabilityWindowStudy.ADAMW + ", "
        + LearnabilityWindowStudy.SGD + "]; not run again"), said);
    assertFalse(Files.exists(dir.resolve("results").resolve("stack")), "no stack was started");
    assertTrue(Files.isRegularFile(again.resolve(ResultsDocument.FILE)));
  }

  @Test
  void anUnknownPresetOrADirectoryWithoutResultsIsRefusedWithExitCode2() {
    StringWriter err = new StringWriter();
    CommandLine cl = HorizonCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    Path out = dir.resolve("unknown");
    assertEquals(2, cl.execute("reproduce", "--presets", "no-such-preset", "--out", out.toString()));
    assertTrue(err.toString().contains("error: preset: unknown campaign 'no-such-preset'"), err.toString());
    assertFalse(Files.exists(out), "nothing started");
    Path empty = dir.resolve("empty");
    assertEquals(2, cl.execute("reproduce", "--from", empty.toString(), "--docs", dir.resolve("nodocs").toString()));
    assertTrue(err.toString().contains("error: " + empty + ": holds the results of none of the presets"),
        err.toString());
  }

  private static String section(String preset) {
    int start = document.indexOf("### `" + preset + "`");
    assertTrue(start >= 0, "no section for " + preset);
    int end = document.indexOf("\n#", start + 1);
    return document.substring(start, end < 0 ? document.length() : end);
  }
}
