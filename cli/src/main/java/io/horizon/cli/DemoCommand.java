package io.horizon.cli;

import io.horizon.core.io.ProjectionDirection;
import io.horizon.core.io.TensorDtype;
import io.horizon.core.io.YamlFiles;
import io.horizon.core.kernel.KernelOptions;
import io.horizon.core.kernel.LagGrid;
import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.learnability.LearnabilityOptions;
import io.horizon.core.learnability.LearnabilityReport;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.stable.LagAccumulator;
import io.horizon.core.stable.StableMethod;
import io.horizon.core.task.SequenceDataset;
import io.horizon.core.train.RunSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./horizon demo}: the built-in {@code quick} campaign end to end on this machine — the five architectures
 * trained on the multi-lag task, each final checkpoint diagnosed on a fresh diagnostic set, and a table of the
 * learnability window H_N per budget with the envelope regime and the median α̂. Runs in one process.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the built-in quick campaign end to end (5 architectures: train, diagnose, learnability)",
        "and prints architecture × N → H_N with regime, τ_env or β and median α̂. Results under --out."})
final class DemoCommand implements Callable<Integer> {
  private static final long[] SHOWN_BUDGETS = {100, 400, 1600, 6400, 12800};

  @Option(names = "--out", defaultValue = "horizon-out", paramLabel = "DIR",
      description = "results go to DIR/quick/ (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--diagnostic-sequences", defaultValue = "512", paramLabel = "N",
      description = "fresh sequences of the diagnostic set (default: ${DEFAULT-VALUE})")
  int diagnosticSequences;

  @Option(names = "--lags", defaultValue = "4:120:32", paramLabel = "FROM:TO:COUNT",
      description = "diagnostic lag grid (default: ${DEFAULT-VALUE})")
  String lags;

  @Override
  public Integer call() throws IOException {
    Map<String, Object> base = preset();
    Path campaign = out.resolve("quick");
    List<String[]> table = new ArrayList<>();
    long started = System.nanoTime();
    for (Architecture arch : Architecture.values()) {
      RunSpec spec = RunSpec.fromMap(withArchitecture(base, arch), "quick preset");
      Path dir = campaign.resolve(arch.id());
      ProgressBar bar = new ProgressBar(System.err, arch.id());
      GatedRnn model;
      long trainStart = System.nanoTime();
      try {
        model = new TrainingRun(dir.resolve("train"), TensorDtype.F32).train(spec, bar);
      } finally {
        bar.finish();
      }
      double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
      long diagnoseStart = System.nanoTime();
      SequenceDataset data = spec.task().create().generate(diagnosticSequences, spec.diagnosticSeed());
      CheckpointDiagnosis diagnosis = new CheckpointDiagnosis(KernelOptions.defaults(LagGrid.parse(lags)),
          StableMethod.MCCULLOCH_SYMMETRIC, LearnabilityOptions.defaults(), LagAccumulator.DEFAULT_CAPACITY,
          spec.seed());
      CheckpointDiagnosis.Result result = diagnosis.run(
          model, data, ProjectionDirection.random(model.config(), spec.seed()), done -> { });
      DiagnosisFiles.write(result, dir.resolve("diagnose"));
      double diagnoseSeconds = (System.nanoTime() - diagnoseStart) / 1e9;
      table.add(row(arch, result.report(), trainSeconds, diagnoseSeconds));
      System.err.println(arch.id() + ": " + result.report().summary());
    }
    String[] header = header();
    writeCsv(campaign.resolve("summary.csv"), header, table);
    System.out.print(TextTable.markdown(header, table));
    System.out.printf(Locale.ROOT, "quick campaign done in %.0f s; results in %s%n",
        (System.nanoTime() - started) / 1e9, campaign.toAbsolutePath());
    return 0;
  }

  private static Map<String, Object> preset() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream("quick-run.yaml")) {
      return YamlFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "quick-run.yaml");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withArchitecture(Map<String, Object> base, Architecture arch) {
    Map<String, Object> spec = new LinkedHashMap<>(base);
    Map<String, Object> model = new LinkedHashMap<>((Map<String, Object>) base.get("model"));
    model.put("architecture", arch.id());
    spec.put("model", model);
    spec.put("name", "quick-" + arch.id());
    return spec;
  }

  private static String[] header() {
    List<String> h = new ArrayList<>(List.of("architecture"));
    for (long n : SHOWN_BUDGETS) {
      h.add("H_N@" + n);
    }
    h.addAll(List.of("regime", "tau_env_or_beta", "median_alpha", "train_s", "diagnose_s"));
    return h.toArray(String[]::new);
  }

  private static String[] row(Architecture arch, LearnabilityReport report, double trainSeconds,
      double diagnoseSeconds) {
    List<String> r = new ArrayList<>(List.of(arch.id()));
    long[] budgets = report.complexity().budgets();
    int[] window = report.complexity().window();
    for (long n : SHOWN_BUDGETS) {
      int h = 0;
      for (int b = 0; b < budgets.length; b++) {
        if (budgets[b] <= n) {
          h = window[b];
        }
      }
      r.add(Integer.toString(h));
    }
    r.add(report.growth().regime().toString().toLowerCase(Locale.ROOT));
    r.add(switch (report.growth().regime()) {
      case EXPONENTIAL -> String.format(Locale.ROOT, "τ=%.3g", report.envelope().tauEnv());
      case POLYNOMIAL -> String.format(Locale.ROOT, "β=%.3g", report.envelope().beta());
      default -> "";
    });
    r.add(String.format(Locale.ROOT, "%.3f", report.alpha().pooled()));
    r.add(String.format(Locale.ROOT, "%.1f", trainSeconds));
    r.add(String.format(Locale.ROOT, "%.1f", diagnoseSeconds));
    return r.toArray(String[]::new);
  }

  private static void writeCsv(Path file, String[] header, List<String[]> rows) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
      w.println(String.join(",", header));
      rows.forEach(r -> w.println(String.join(",", r)));
    }
  }
}
