package io.horizon.cli;

import io.horizon.core.io.Json;
import io.horizon.core.io.Npy;
import io.horizon.core.stable.StableFit;
import io.horizon.core.stable.StableMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./horizon stable …}: α-stable estimation on a file of samples (THEORY §7.1). */
@Command(name = "stable", mixinStandardHelpOptions = true, description = "α-stable estimation (THEORY §7.1).",
    subcommands = {StableCommand.Fit.class})
final class StableCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code ./horizon stable fit FILE [--method …]}: prints one JSON object with the fit. */
  @Command(name = "fit", mixinStandardHelpOptions = true,
      description = {"Fits an α-stable law to the samples of FILE and prints one JSON object",
          "{alpha, beta, gamma, delta, n, reliable, reason, method}."})
  static final class Fit implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE",
        description = "1-D .npy (float32/float64) or text with one value per line")
    Path file;

    @Option(names = "--method", defaultValue = "mcculloch-sym", paramLabel = "mcculloch-sym|mcculloch|ecf",
        description = "estimator (default: ${DEFAULT-VALUE})")
    String method;

    @Override
    public Integer call() throws IOException {
      StableMethod m = StableMethod.parse(method);
      double[] values = file.toString().endsWith(".npy") ? Npy.readVector(file) : readText(file);
      StableFit fit = m.estimator().fit(values, values.length);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("alpha", fit.alpha());
      json.put("beta", fit.beta());
      json.put("gamma", fit.gamma());
      json.put("delta", fit.delta());
      json.put("n", fit.n());
      json.put("reliable", fit.reliable());
      json.put("reason", fit.reason());
      json.put("method", fit.method().cliName());
      System.out.println(Json.write(json));
      return 0;
    }

    /** One value per line; blank lines and lines starting with # are skipped; the error names the line. */
    static double[] readText(Path file) throws IOException {
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException(file + ": no such file");
      }
      double[] values = new double[lines.size()];
      int n = 0;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        try {
          values[n++] = Double.parseDouble(line);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + ": line " + (i + 1) + " is not a number: '" + line + "'");
        }
      }
      if (n == 0) {
        throw new IllegalArgumentException(file + ": holds no values");
      }
      return Arrays.copyOf(values, n);
    }
  }
}
