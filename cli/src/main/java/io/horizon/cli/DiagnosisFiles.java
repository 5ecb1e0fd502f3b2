package io.horizon.cli;

import io.horizon.core.io.LearnabilityFiles;
import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.learnability.CheckpointDiagnosis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the analysis of one checkpoint into a directory: {@code envelope.csv} ({@code ell,f_mean,f_logmean}),
 * {@code mu_units.csv} ({@code ell,mu_unit_0,…}) and the learnability files ({@code lags.csv}, {@code window.csv},
 * {@code units.csv}, {@code fits.json}).
 */
final class DiagnosisFiles {
  private DiagnosisFiles() {}

  static void write(CheckpointDiagnosis.Result result, Path out) throws IOException {
    Files.createDirectories(out);
    writeEnvelope(result.diagnostic(), out);
    writeUnitProfile(result.diagnostic(), out);
    LearnabilityFiles.write(result.report(), out);
  }

  private static void writeEnvelope(DiagnosticResult d, Path out) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("envelope.csv")))) {
      w.println("ell,f_mean,f_logmean");
      for (int i = 0; i < d.lags().length; i++) {
        w.println(d.lags()[i] + "," + d.fMean()[i] + "," + d.fLogMean()[i]);
      }
    }
  }

  private static void writeUnitProfile(DiagnosticResult d, Path out) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("mu_units.csv")))) {
      int units = d.unitProfile()[0].length;
      StringBuilder header = new StringBuilder("ell");
      for (int q = 0; q < units; q++) {
        header.append(",mu_unit_").append(q);
      }
      w.println(header);
      for (int i = 0; i < d.lags().length; i++) {
        StringBuilder row = new StringBuilder().append(d.lags()[i]);
        for (double v : d.unitProfile()[i]) {
          row.append(',').append(v);
        }
        w.println(row);
      }
    }
  }
}
