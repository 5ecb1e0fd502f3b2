package io.horizon.cli.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Wall time of named stages, kept as {@value #FILE} ({@code stage,seconds}) beside the results it timed so that
 * the results document can quote it when regenerated offline.
 *
 * @param seconds seconds per stage, in the order the stages ran
 */
public record StageTimes(Map<String, Double> seconds) {
  /** The file name of the stage times. */
  public static final String FILE = "stages.csv";
  /** Starting the broker and the four services. */
  public static final String STACK_UP = "stack up";
  /** Training with the gradient samples and checkpoints it publishes (diagnostics and estimation run alongside). */
  public static final String TRAINING = "training + gradient samples";
  /** Diagnostics, estimation and aggregation still running once training has ended. */
  public static final String REMAINING_REPORTS = "remaining diagnostics/estimation/aggregation";
  /** Writing the result files and the HTML report with its figures. */
  public static final String REPORTING = "results + report";
  /** The whole run, end to end: stack up, every preset, stack shutdown. */
  public static final String TOTAL = "total";

  /** Stage times in insertion order; a stage name may not hold a comma (the file's separator). */
  public StageTimes {
    for (String stage : seconds.keySet()) {
      if (stage.contains(",")) {
        throw new IllegalArgumentException("stages: '" + stage + "' holds a comma, the separator of " + FILE);
      }
    }
    seconds = new LinkedHashMap<>(seconds);
  }

  /** Writes {@value #FILE} into {@code dir}; returns the file. */
  public Path write(Path dir) {
    StringBuilder csv = new StringBuilder("stage,seconds\n");
    seconds.forEach((stage, s) -> csv.append(stage).append(',').append(String.format(Locale.ROOT, "%.3f", s))
        .append('\n'));
    Path file = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      Files.writeString(file, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** The stage times kept in {@code dir}, empty when it holds no {@value #FILE}. */
  public static Optional<StageTimes> read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length != 2) {
        throw new IllegalArgumentException(file + ": line " + (i + 1) + ": expected stage,seconds");
      }
      try {
        seconds.put(f[0], Double.parseDouble(f[1]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ": line " + (i + 1) + ": seconds: not a number: " + f[1], e);
      }
    }
    return Optional.of(new StageTimes(seconds));
  }
}
