package io.horizon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.coupling.FrechetCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./horizon coupling frechet}: the truncation-error table over the THEORY §3.2 ε grid with a log–log slope
 * near the exact order 2 of a first-order expansion, a CSV with one row per ε and a non-empty PNG; a model without
 * step Jacobians is refused naming the option.
 */
class CouplingCommandTest {
  /** Distance from the exact order 2 the fitted slope may have (the grid's smallest ε carry rounding). */
  private static final double SLOPE_TOLERANCE = 0.05;

  @TempDir Path dir;

  @Test
  void frechetPrintsTheTableAndWritesTheCsvAndThePlot() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int code;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      code = HorizonCommand.commandLine().execute("coupling", "frechet", "--arch", "diag", "--out", dir.toString());
    } finally {
      System.setOut(stdout);
    }
    assertEquals(0, code);
    String text = printed.toString(StandardCharsets.UTF_8);
    Matcher slope = Pattern.compile("log–log slope on the first \\d+ ε: ([0-9.]+)").matcher(text);
    assertTrue(slope.find(), text);
    assertEquals(2.0, Double.parseDouble(slope.group(1)), SLOPE_TOLERANCE, text);
    List<String> csv = Files.readAllLines(dir.resolve("frechet-diag.csv"));
    assertEquals(FrechetCheck.EPSILONS.length + 1, csv.size(), "header + one row per ε");
    assertEquals("epsilon,error,second_order", csv.get(0));
    assertTrue(Files.size(dir.resolve("frechet-diag.png")) > 0);
  }

  @Test
  void aModelWithoutStepJacobiansIsRefused() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    int code;
    try {
      System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
      code = HorizonCommand.commandLine().execute("coupling", "frechet", "--arch", "gru", "--out", dir.toString());
    } finally {
      System.setErr(stderr);
    }
    assertTrue(code != 0);
    assertTrue(errors.toString(StandardCharsets.UTF_8).contains("--arch: the check needs const, shared or diag"),
        errors.toString(StandardCharsets.UTF_8));
  }
}
