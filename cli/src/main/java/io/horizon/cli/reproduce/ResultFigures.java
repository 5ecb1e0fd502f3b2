package io.horizon.cli.reproduce;

import io.horizon.cli.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The figures of one preset in the results document: the PNGs of its HTML report (written from the result files
 * when the report is missing), copied into {@code <docs>/results/<preset>/}.
 */
public final class ResultFigures {
  /** The folder beside results.md that holds the figures. */
  public static final String FOLDER = "results";

  private ResultFigures() {}

  /**
   * Copies the PNGs of the report in {@code reportDir} of the results in {@code resultsDir} into the docs folder
   * {@code docs}, replacing that preset's earlier figures; returns their paths relative to {@code docs}, by name.
   */
  public static List<String> copy(String preset, Path resultsDir, Path reportDir, Path docs) {
    try {
      if (pngs(reportDir).isEmpty()) {
        ReportWriter.write(resultsDir, reportDir);
      }
      Path target = docs.resolve(FOLDER).resolve(preset);
      Files.createDirectories(target);
      for (Path old : pngs(target)) {
        Files.delete(old);
      }
      List<Path> figures = pngs(reportDir);
      for (Path png : figures) {
        Files.copy(png, target.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      return figures.stream().map(p -> FOLDER + "/" + preset + "/" + p.getFileName()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("copying the figures of " + preset + " into " + docs + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> pngs(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().toList();
    }
  }
}
