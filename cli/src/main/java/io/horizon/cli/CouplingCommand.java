package io.horizon.cli;

import io.horizon.cli.report.FrechetPlot;
import io.horizon.cli.report.Plot;
import io.horizon.core.coupling.FrechetCheck;
import io.horizon.core.coupling.FrechetResult;
import io.horizon.core.coupling.FrechetSetup;
import io.horizon.core.learnability.Quantiles;
import io.horizon.core.model.Architecture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./horizon coupling …}: time-scale coupling checks that belong to the command line (THEORY §3.2, §10). */
@Command(name = "coupling", mixinStandardHelpOptions = true,
    description = "Time-scale coupling checks (THEORY §3.2, §10).", subcommands = {CouplingCommand.Frechet.class})
final class CouplingCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code ./horizon coupling frechet [--arch …] [--out DIR]}: the Fréchet first-order check of THEORY §3.2. */
  @Command(name = "frechet", mixinStandardHelpOptions = true,
      description = {"The Fréchet first-order check of THEORY §3.2: prints the truncation error E(ε) and",
          "C_2(ε) = E(ε)/ε² on the ε grid and the log–log slope (≈ 2 expected); writes frechet-ARCH.csv and",
          "frechet-ARCH.png."})
  static final class Frechet implements Callable<Integer> {
    /** Where the files go without --out. */
    static final Path DEFAULT_OUT = Path.of("horizon-out", "coupling");

    @Option(names = "--arch", defaultValue = "const", paramLabel = "const|shared|diag",
        description = "the leaky (const), scalar-gated (shared) or multi-gated (diag) RNN "
            + "(default: ${DEFAULT-VALUE})")
    String arch;

    @Option(names = "--leak", defaultValue = "0.8", paramLabel = "S",
        description = "leak α = constS of the leaky RNN (default: ${DEFAULT-VALUE})")
    double leak;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
        description = "where the CSV and PNG go (default: horizon-out/coupling)")
    Path out;

    @Override
    public Integer call() throws IOException {
      Architecture architecture;
      try {
        architecture = Architecture.parse(arch);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--arch: " + e.getMessage(), e);
      }
      if (architecture != Architecture.CONST && architecture != Architecture.SHARED
          && architecture != Architecture.DIAG) {
        throw new IllegalArgumentException(
            "--arch: the check needs const, shared or diag (THEORY §2.7), got " + arch);
      }
      FrechetResult result = FrechetCheck.run(FrechetSetup.factors(architecture, leak, seed));
      List<String[]> rows = new ArrayList<>();
      StringBuilder csv = new StringBuilder("epsilon,error,second_order\n");
      for (int i = 0; i < result.epsilons().length; i++) {
        String[] row = {number(result.epsilons()[i]), number(result.errors()[i]), number(result.secondOrder()[i])};
        rows.add(row);
        csv.append(String.join(",", row)).append('\n');
      }
      System.out.print(TextTable.markdown(new String[] {"ε", "E(ε)", "C_2(ε) = E/ε²"}, rows));
      System.out.printf(Locale.ROOT, "log–log slope on the first %d ε: %.4f (≈ 2 expected); median step ratio "
          + "‖B_j‖₂/‖A_j‖₂ = %.4g%n", FrechetCheck.SLOPE_POINTS, result.slope(), Quantiles.median(result.stepRatios()));
      Path dir = out == null ? DEFAULT_OUT : out;
      Files.createDirectories(dir);
      String name = "frechet-" + architecture.id();
      Files.writeString(dir.resolve(name + ".csv"), csv, StandardCharsets.UTF_8);
      Plot plot = FrechetPlot.of(result, architecture.id(), name + ".png");
      Files.write(dir.resolve(plot.file()), plot.png());
      System.out.println("wrote " + dir.resolve(name + ".csv") + " and " + dir.resolve(plot.file()));
      return 0;
    }

    private static String number(double v) {
      return String.format(Locale.ROOT, "%.6g", v);
    }
  }
}
