package io.horizon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.core.io.CheckpointFile;
import io.horizon.core.io.Npy;
import io.horizon.core.io.ProjectionDirection;
import io.horizon.core.kernel.KernelOptions;
import io.horizon.core.kernel.LagGrid;
import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.learnability.LearnabilityOptions;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.random.Rng;
import io.horizon.core.stable.StableMethod;
import io.horizon.core.stable.StableSampler;
import io.horizon.core.task.SequenceDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as a user runs them: train → diagnose, stable fit, and bad input answered with one clear line. */
class CommandLineTest {
  @TempDir static Path dir;

  private static final String LAGS = "1:40:12";

  /** Exit code, stdout and stderr of one command. */
  record Run(int code, String out, String err) {}

  static Run horizon(String... args) {
    PrintStream keepOut = System.out;
    PrintStream keepErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      CommandLine cl = HorizonCommand.commandLine();
      cl.setErr(new PrintWriter(System.err, true));
      int code = cl.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(keepOut);
      System.setErr(keepErr);
    }
  }

  @BeforeAll
  static void trainAndMakeData() throws IOException {
    Files.writeString(dir.resolve("run.yaml"), String.join("\n",
        "name: tiny",
        "seed: 5",
        "model: {architecture: gru, hidden: 8}",
        "task: {name: multilag, length: 48, inputDim: 3, lags: [2, 4], coefficients: [0.6, 0.3]}",
        "training: {epochs: 2, batchSize: 16, trainSequences: 64, checkpointEvery: 2}",
        ""));
    Run train = horizon("train", dir.resolve("run.yaml").toString(), "--out", dir.resolve("run").toString());
    assertEquals(0, train.code(), train.err());
    Run dataset = horizon("dataset", dir.resolve("run.yaml").toString(), "--count", "40", "--out", dir.toString());
    assertEquals(0, dataset.code(), dataset.err());
  }

  private static Path checkpoint() {
    return dir.resolve("run/checkpoints/epoch-0002.safetensors");
  }

  @Test
  void datasetIsAFreshDrawOfTheRunsTask() {
    SequenceDataset data = Npy.readDataset(dir.resolve("x.npy"), dir.resolve("y.npy"));
    assertEquals(40, data.count());
    assertEquals(48, data.length());
    assertEquals(3, data.inputDim());
  }

  @Test
  void trainWritesCheckpointsMetricsAndSpec() throws IOException {
    assertTrue(Files.exists(checkpoint()));
    assertTrue(Files.exists(dir.resolve("run/checkpoints/epoch-0002.json")));
    assertFalse(Files.exists(dir.resolve("run/checkpoints/epoch-0001.safetensors")));
    List<String> metrics = Files.readAllLines(dir.resolve("run/metrics.csv"));
    assertEquals("epoch,train_loss,train_r2,val_loss,val_r2,wall_s,seq_steps_per_s", metrics.get(0));
    assertEquals(3, metrics.size());
    assertEquals(2, CheckpointFile.read(checkpoint()).provenance().epoch());
  }

  @Test
  void diagnoseWritesWhatTheInProcessComputationGives() throws IOException {
    Path out = dir.resolve("diag");
    Run run = horizon("diagnose", "--checkpoint", checkpoint().toString(), "--x", dir.resolve("x.npy").toString(),
        "--y", dir.resolve("y.npy").toString(), "--lags", LAGS, "--direction-seed", "7", "--reservoir", "4096",
        "--target-lag", "80", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("regime"), run.out());
    assertTrue(run.out().contains("lag 80 needs about N"), run.out());

    GatedRnn model = CheckpointFile.read(checkpoint()).model(null);
    SequenceDataset data = Npy.readDataset(dir.resolve("x.npy"), dir.resolve("y.npy"));
    CheckpointDiagnosis.Result expected = new CheckpointDiagnosis(KernelOptions.defaults(LagGrid.parse(LAGS)),
        StableMethod.MCCULLOCH_SYMMETRIC, LearnabilityOptions.defaults(), 4096, 7)
        .run(model, data, ProjectionDirection.random(model.config(), 7), done -> { });
    List<String> lags = Files.readAllLines(out.resolve("lags.csv"));
    assertEquals("ell,f_mean,f_logmean,alpha,gamma,mbar,n_samples,alpha_reliable,n_min", lags.get(0));
    int[] grid = LagGrid.parse(LAGS);
    assertEquals(grid.length + 1, lags.size());
    for (int i = 0; i < grid.length; i++) {
      String[] row = lags.get(i + 1).split(",");
      assertEquals(grid[i], Integer.parseInt(row[0]));
      assertEquals(expected.diagnostic().fMean()[i], Double.parseDouble(row[1]));
      assertEquals(expected.fits()[i].alpha(), Double.parseDouble(row[3]));
      assertEquals(expected.report().complexity().minimalBudgets()[i], Long.parseLong(row[8]));
    }
    List<String> envelope = Files.readAllLines(out.resolve("envelope.csv"));
    assertEquals("ell,f_mean,f_logmean", envelope.get(0));
    assertEquals(grid.length + 1, envelope.size());
    String units = Files.readAllLines(out.resolve("mu_units.csv")).get(0);
    assertTrue(units.startsWith("ell,mu_unit_0,") && units.endsWith(",mu_unit_7"), units);
    JsonNode fits = new ObjectMapper().readTree(out.resolve("fits.json").toFile());
    assertTrue(fits.size() > 0);
  }

  @Test
  void stableFitPrintsOneJsonObject() throws IOException {
    Path samples = dir.resolve("samples.txt");
    StringBuilder text = new StringBuilder();
    for (double v : new StableSampler(1.5, 0, 1, 0).sample(new Rng(3), 5000)) {
      text.append(v).append('\n');
    }
    Files.writeString(samples, text);
    Run run = horizon("stable", "fit", samples.toString(), "--method", "mcculloch");
    assertEquals(0, run.code(), run.err());
    JsonNode fit = new ObjectMapper().readTree(run.out());
    for (String field : new String[] {"alpha", "beta", "gamma", "delta", "n", "reliable", "reason", "method"}) {
      assertTrue(fit.has(field), field);
    }
    assertEquals(5000, fit.get("n").asInt());
    assertEquals("mcculloch", fit.get("method").asText());
  }

  private static void assertUserError(Run run, String... fragments) {
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().startsWith("error: "), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    for (String f : fragments) {
      assertTrue(run.err().contains(f), "'" + f + "' in " + run.err());
    }
  }

  @Test
  void badInputGetsOneClearLine() throws IOException {
    Path truncated = dir.resolve("truncated.safetensors");
    byte[] bytes = Files.readAllBytes(checkpoint());
    Files.write(truncated, Arrays.copyOf(bytes, 20));
    String x = dir.resolve("x.npy").toString();
    String y = dir.resolve("y.npy").toString();
    assertUserError(horizon("diagnose", "--checkpoint", truncated.toString(), "--x", x, "--y", y, "--out",
        dir.resolve("bad1").toString()), "truncated.safetensors");
    assertUserError(horizon("diagnose", "--checkpoint", checkpoint().toString(), "--x", y, "--y", y, "--out",
        dir.resolve("bad2").toString()), "y.npy", "D=1");
    Path flat = dir.resolve("flat.npy");
    Npy.writeFloats(flat, new int[] {40, 48}, new float[40 * 48]);
    assertUserError(horizon("diagnose", "--checkpoint", checkpoint().toString(), "--x", flat.toString(), "--y", y,
        "--out", dir.resolve("bad6").toString()), "flat.npy", "rank");
    assertUserError(horizon("diagnose", "--checkpoint", checkpoint().toString(), "--x", x, "--y", y, "--lags",
        "4:256:8", "--out", dir.resolve("bad3").toString()), "lags", "256");
    assertUserError(horizon("diagnose", "--checkpoint", checkpoint().toString(), "--arch", "lstm", "--x", x, "--y",
        y, "--out", dir.resolve("bad4").toString()), "lstm");
    assertUserError(horizon("diagnose", "--checkpoint", checkpoint().toString(), "--x", x, "--y", y, "--products",
        "half", "--out", dir.resolve("bad7").toString()), "--products", "float32", "half");
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, "model: {architecture: diag, hidden: -3}\n");
    assertUserError(horizon("train", spec.toString(), "--out", dir.resolve("bad5").toString()),
        "bad.yaml.model.hiddenSize");
    assertUserError(horizon("stable", "fit", dir.resolve("missing.npy").toString()), "missing.npy");
    assertUserError(horizon("bench", "--sizes", "huge", "--no-baseline"), "sizes", "issue or paper-lw-cpu", "huge");
  }

  @Test
  void helpListsTheCommands() {
    Run run = horizon("--help");
    for (String command : new String[] {"train", "diagnose", "stable"}) {
      assertTrue(run.out().contains(command), run.out());
    }
    assertEquals(0, run.code());
  }
}
