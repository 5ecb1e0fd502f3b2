package io.horizon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.core.io.ProjectionDirection;
import io.horizon.core.kernel.DiagnosticPass;
import io.horizon.core.kernel.KernelOptions;
import io.horizon.core.kernel.LagGrid;
import io.horizon.core.linalg.Precision;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.GatedRnns;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.random.Rng;
import io.horizon.core.stable.EcfEstimator;
import io.horizon.core.stable.StableSampler;
import io.horizon.core.stable.SymmetricMcCullochEstimator;
import io.horizon.core.task.MultiLagRegressionTask;
import io.horizon.core.task.SequenceDataset;
import io.horizon.core.train.EpochMetrics;
import io.horizon.core.train.OptimizerSpec;
import io.horizon.core.train.Trainer;
import io.horizon.core.train.TrainingConfig;
import io.horizon.core.train.TrainingListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./horizon bench}: training throughput, diagnostic-pass time and memory, and α-stable fit times, each
 * against a baseline measured in the same run (the PyTorch CPU implementation in {@code bench/baseline.py}), printed
 * as a table of ratios.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measures training throughput, the diagnostic pass and the α-stable fits against a PyTorch",
        "CPU baseline run in the same session (bench/baseline.py, Debian python3-torch) and prints a table."})
final class BenchCommand implements Callable<Integer> {
  /**
   * Sequences of each warm-up pass of the diagnostic pass: a whole pass of the size, since the first pass of a
   * fresh JVM takes 1.4–1.8× as long as the next ones while the JIT compiles its kernels on the same two cores.
   */
  private static final int WARM_UP_SEQUENCES = 1024;

  /**
   * Warm-up passes in each precision before either is timed: after a single one, the float64 pass timed next took
   * 5.90 s for DiagGate in one JVM and 3.81 s in the next.
   */
  private static final int WARM_UP_ROUNDS = 2;

  @Option(names = "--quick", description = "small sizes (a smoke run of every row, minutes → seconds)")
  boolean quick;

  @Option(names = "--no-baseline", description = "skip the PyTorch baseline (ratios left empty)")
  boolean noBaseline;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", paramLabel = "PYTHON",
      description = "interpreter with torch for the baseline (default: ${DEFAULT-VALUE})")
  String python;

  @Option(names = "--batches", defaultValue = "3", paramLabel = "K",
      description = "timed training batches per configuration (default: ${DEFAULT-VALUE})")
  int batches;

  @Option(names = "--sizes", defaultValue = "issue", paramLabel = "SIZES",
      description = "issue: the sizes of the performance targets (default); paper-lw-cpu: the paper-lw-cpu preset's"
          + " (H 64, T 512, D 16, batch 64; diagnostic pass over 1024 sequences and 64 lags)")
  String sizes;

  @Option(names = "--only", split = ",", paramLabel = "PART",
      description = "run only these parts: training, diagnostic, memory, stable (default: all)")
  List<String> only;

  private final List<String[]> rows = new ArrayList<>();
  /** The BLAS libraries the baseline's measurements ran on, as bench/baseline.py reports them. */
  private final Set<String> baselineBlas = new TreeSet<>();

  private boolean wanted(String part) {
    return only == null || only.contains(part);
  }

  /** One training configuration of the table. */
  private record Shape(int length, int hidden, int input, int batch) {
    String label() {
      return String.format(Locale.ROOT, "T=%d H=%d D=%d B=%d", length, hidden, input, batch);
    }
  }

  /** The training shapes and the diagnostic-pass size of one set of sizes. */
  private record Sizes(List<Shape> training, int sequences, int length, int hidden, int lags) {
    static Sizes named(String name, boolean quick) {
      if (quick) {
        return new Sizes(List.of(new Shape(64, 32, 16, 32)), 128, 128, 32, 16);
      }
      return switch (name) {
        case "issue" -> new Sizes(List.of(new Shape(512, 128, 16, 128), new Shape(1024, 128, 16, 512)), 1024, 512,
            128, 64);
        case "paper-lw-cpu" -> new Sizes(List.of(new Shape(512, 64, 16, 64)), 1024, 512, 64, 64);
        default -> throw new IllegalArgumentException("sizes: expected issue or paper-lw-cpu, got " + name);
      };
    }
  }

  @Override
  public Integer call() throws Exception {
    Sizes chosen = Sizes.named(sizes, quick);
    for (Architecture arch : new Architecture[] {Architecture.DIAG, Architecture.LSTM}) {
      for (Shape s : wanted("training") ? chosen.training() : List.<Shape>of()) {
        benchTraining(arch, s);
      }
    }
    int sequences = chosen.sequences();
    int length = chosen.length();
    int hidden = chosen.hidden();
    for (Architecture arch : new Architecture[] {Architecture.DIAG, Architecture.LSTM}) {
      if (wanted("diagnostic")) {
        benchDiagnostic(arch, sequences, length, hidden, chosen.lags());
      }
    }
    if (wanted("memory")) {
      benchMemory(length, hidden, chosen.lags());
    }
    if (wanted("stable")) {
      benchStable(quick ? 100_000 : 1_000_000, quick ? 16 : 128);
    }
    print();
    return 0;
  }

  private void benchTraining(Architecture arch, Shape s) throws IOException, InterruptedException {
    System.err.println("bench: training " + arch + " " + s.label());
    ModelConfig config = new ModelConfig(arch, s.input(), s.hidden(), false, ModelConfig.DEFAULT_CONST_S);
    MultiLagRegressionTask task = new MultiLagRegressionTask(s.length(), s.input(), List.of(1), List.of(0.5), 0.3, 0);
    Map<Precision, Double> ours = new EnumMap<>(Precision.class);
    for (Precision products : Precision.values()) {
      TrainingConfig training = new TrainingConfig(2, s.batch(), s.batch() * batches,
          OptimizerSpec.adamw(1e-3, 1e-4), 1.0, 2, TrainingConfig.DEFAULT_SHARDS, 1, products);
      List<EpochMetrics> epochs = new Trainer(training).train(GatedRnns.initialize(config, 1), task,
          TrainingListener.NONE);
      ours.put(products, epochs.get(1).sequenceStepsPerSecond());
    }
    double base = Double.NaN;
    if (!noBaseline) {
      base = baseline("train", "--arch", arch.id(), "--length", "" + s.length(), "--hidden", "" + s.hidden(),
          "--input", "" + s.input(), "--batch", "" + s.batch(), "--batches", "" + batches).get("seq_steps_per_s")
          .asDouble();
    }
    // the baseline trains in float32, PyTorch's default dtype: against ours in float64 and with float32 products
    for (Precision products : Precision.values()) {
      double rate = ours.get(products);
      row("training " + arch + " (seq-steps/s)", s.label() + ", " + products.label() + " vs baseline float32", rate,
          base, rate / base, "≥ 1.5");
    }
  }

  private void benchDiagnostic(Architecture arch, int sequences, int length, int hidden, int lagCount)
      throws IOException, InterruptedException {
    System.err.println("bench: diagnostic pass " + arch);
    int input = 16;
    GatedRnn model = GatedRnns.initialize(new ModelConfig(arch, input, hidden, false, ModelConfig.DEFAULT_CONST_S), 1);
    MultiLagRegressionTask task = new MultiLagRegressionTask(length, input, List.of(1), List.of(0.5), 0.3, 0);
    SequenceDataset data = task.generate(sequences, 2);
    int[] lags = LagGrid.linspace(4, Math.min(256, length - 1), lagCount);
    ParameterSet direction = ProjectionDirection.random(model.config(), 3);
    Map<Precision, DiagnosticPass> passes = new EnumMap<>(Precision.class);
    for (Precision products : Precision.values()) {
      passes.put(products, new DiagnosticPass(KernelOptions.defaults(lags).withProducts(products)));
    }
    // warm-up passes first (the baseline warms up on one batch), so that the JIT has compiled the kernels and the heap
    // has grown: the time of a pass in a running service, not of a fresh JVM
    SequenceDataset warmUp = task.generate(Math.min(sequences, WARM_UP_SEQUENCES), 4);
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      for (DiagnosticPass pass : passes.values()) {
        pass.run(model, warmUp, direction, (lag, values, count) -> { }, done -> { });
      }
    }
    Map<Precision, Double> ours = new EnumMap<>(Precision.class);
    for (Precision products : Precision.values()) {
      long start = System.nanoTime();
      passes.get(products).run(model, data, direction, (lag, values, count) -> { }, done -> { });
      ours.put(products, (System.nanoTime() - start) / 1e9);
    }
    String label = String.format(Locale.ROOT, "%d seq T=%d H=%d %d lags", sequences, length, hidden, lagCount);
    // the baseline's model in float32, as a PyTorch user runs it, against both of ours; then in float64, the
    // precision Horizon computes in by default, against ours in float64
    for (Precision precision : new Precision[] {Precision.FLOAT32, Precision.FLOAT64}) {
      double base = Double.NaN;
      if (!noBaseline) {
        base = baseline("diagnose", "--arch", arch.id(), "--sequences", "" + sequences, "--length", "" + length,
            "--hidden", "" + hidden, "--input", "" + input, "--lags", "" + lagCount, "--dtype", precision.label())
            .get("seconds").asDouble();
      }
      for (Precision products : precision == Precision.FLOAT32 ? Precision.values() : new Precision[] {precision}) {
        double time = ours.get(products);
        row("diagnostic pass " + arch + " (s)", label + ", " + products.label() + " vs baseline " + precision.label(),
            time, base, base / time, "≥ 10");
      }
    }
  }

  /**
   * Heap retained by the pass over 2 and over 8 batches of sequences (the batch size bounds the working set): equal
   * when memory is independent of the number of sequences.
   */
  private void benchMemory(int length, int hidden, int lagCount) {
    System.err.println("bench: diagnostic memory");
    int batch = KernelOptions.defaults(new int[] {1}).batchSize();
    double small = retainedHeapMiB(2 * batch, length, hidden, lagCount);
    double large = retainedHeapMiB(8 * batch, length, hidden, lagCount);
    row("diagnostic retained heap (MiB)", 8 * batch + " vs " + 2 * batch + " sequences", large, small,
        large / small, "≈ 1");
  }

  /**
   * The largest live heap after a forced collection at the end of each batch of the pass, less the live heap
   * before it (model and data): unlike the peak heap, this does not depend on when the collector happens to run.
   */
  private static double retainedHeapMiB(int sequences, int length, int hidden, int lagCount) {
    GatedRnn model = GatedRnns.initialize(new ModelConfig(Architecture.DIAG, 16, hidden, false, 0.05), 1);
    SequenceDataset data = new MultiLagRegressionTask(length, 16, List.of(1), List.of(0.5), 0.3, 0)
        .generate(sequences, 2);
    KernelOptions options = KernelOptions.defaults(LagGrid.linspace(4, Math.min(256, length - 1), lagCount));
    System.gc();
    long before = heapUsed();
    long[] most = {before};
    new DiagnosticPass(options).run(
        model, data, ProjectionDirection.random(model.config(), 3), (lag, values, count) -> { }, done -> {
          System.gc();
          most[0] = Math.max(most[0], heapUsed());
        });
    return (most[0] - before) / (1024.0 * 1024.0);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  private static long heapUsed() {
    return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
  }

  private void benchStable(int samples, int lags) {
    System.err.println("bench: α-stable fits");
    double[] x = StableSampler.symmetric(1.5, 1).sample(new Rng(4), samples);
    SymmetricMcCullochEstimator mcculloch = new SymmetricMcCullochEstimator();
    mcculloch.fit(x, x.length);
    long start = System.nanoTime();
    mcculloch.fit(x, x.length);
    double one = (System.nanoTime() - start) / 1e9;
    row("McCulloch fit, one lag (s)", samples + " samples, 1 core", one, 0.2, 0.2 / one, "< 0.2 s");
    start = System.nanoTime();
    io.horizon.core.kernel.ParallelLoop.run(2, lags, i -> mcculloch.fit(x, x.length));
    double all = (System.nanoTime() - start) / 1e9;
    row("McCulloch fits, " + lags + " lags (s)", samples + " samples each, 2 cores", all, lags * one,
        lags * one / all, "≈ 2");
    double[] ecfSample = java.util.Arrays.copyOf(x, Math.min(samples, 100_000));
    EcfEstimator ecf = new EcfEstimator();
    ecf.fit(ecfSample, ecfSample.length);
    start = System.nanoTime();
    ecf.fit(ecfSample, ecfSample.length);
    double ecfSeconds = (System.nanoTime() - start) / 1e9;
    row("ECF fit, one lag (s)", ecfSample.length + " samples, 1 core", ecfSeconds, 0.5, 0.5 / ecfSeconds, "< 0.5 s");
  }

  private JsonNode baseline(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(python, root().resolve("bench/baseline.py").toString()));
    command.addAll(List.of(args));
    System.err.println("bench: baseline " + String.join(" ", args));
    // a full collection lets the JVM hand its grown heap back to the system: the baseline's largest rows need
    // several GiB of their own
    System.gc();
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("baseline failed (is python3-torch installed? try --no-baseline): "
          + String.join(" ", command));
    }
    JsonNode result = new ObjectMapper().readTree(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
    baselineBlas.add(result.path("blas").asText("unknown"));
    return result;
  }

  private static Path root() {
    return Path.of(System.getProperty("horizon.root", "."));
  }

  /** Adds a row to the table and reports it at once, so that an interrupted run still shows what it measured. */
  private void row(String what, String config, double ours, double base, double ratio, String target) {
    String[] cells = {what, config, fmt(ours), fmt(base), Double.isNaN(ratio) ? "" : fmt(ratio) + "×", target};
    rows.add(cells);
    System.err.println("bench: " + String.join(" | ", cells));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3g", v);
  }

  private void print() {
    System.out.print(TextTable.markdown(
        new String[] {"measurement", "configuration", "horizon", "baseline", "ratio", "target"}, rows));
    if (!baselineBlas.isEmpty()) {
      System.out.println("baseline BLAS: " + String.join(", ", baselineBlas));
    }
    if (baselineBlas.stream().anyMatch(BenchCommand::referenceBlas)) {
      System.out.println("warning: the baseline ran on the reference BLAS of libblas3, several times slower than an"
          + " optimised one; install libopenblas0-pthread for a fair baseline");
    }
  }

  /** Whether {@code library} is Debian's reference BLAS (libblas3), the fallback when no optimised one is installed. */
  private static boolean referenceBlas(String library) {
    return library.contains("/blas/libblas.so");
  }
}
