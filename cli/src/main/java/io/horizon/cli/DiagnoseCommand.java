package io.horizon.cli;

import io.horizon.core.io.Checkpoint;
import io.horizon.core.io.CheckpointFile;
import io.horizon.core.io.Npy;
import io.horizon.core.io.ProjectionDirection;
import io.horizon.core.kernel.KernelOptions;
import io.horizon.core.kernel.LagGrid;
import io.horizon.core.kernel.SignGauge;
import io.horizon.core.learnability.AlphaMode;
import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.learnability.DataBudget;
import io.horizon.core.learnability.LearnabilityOptions;
import io.horizon.core.learnability.SampleComplexity;
import io.horizon.core.linalg.Precision;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.RetentionOptions;
import io.horizon.core.model.TangentMode;
import io.horizon.core.stable.StableMethod;
import io.horizon.core.task.SequenceDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./horizon diagnose}: the diagnostic pass, per-lag α-stable fits and learnability statistics of one frozen
 * checkpoint on a diagnostic data set (THEORY §4–7).
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Computes μ(ℓ), the envelope f(ℓ), per-lag α-stable fits, N_min(ℓ) and H_N of a checkpoint",
        "on a diagnostic set, writing envelope.csv, mu_units.csv, lags.csv, window.csv, units.csv and fits.json."})
final class DiagnoseCommand implements Callable<Integer> {

  @Option(names = "--checkpoint", required = true, paramLabel = "F.safetensors",
      description = "frozen parameters (Horizon or PyTorch writer, layout of docs/checkpoints.md)")
  Path checkpoint;

  @Option(names = "--arch", paramLabel = "ARCH",
      description = "const, shared, diag, gru or lstm (needed when the file does not name one)")
  String architecture;

  @Option(names = "--x", required = true, paramLabel = "X.npy", description = "inputs, float32 [N,T,D]")
  Path x;

  @Option(names = "--y", required = true, paramLabel = "Y.npy", description = "targets, float32 [N,T,1]")
  Path y;

  @ArgGroup(exclusive = true)
  Direction direction = new Direction();

  static final class Direction {
    @Option(names = "--direction", paramLabel = "D.safetensors",
        description = "projection direction u: one tensor per trainable tensor, jointly of unit norm")
    Path file;

    @Option(names = "--direction-seed", paramLabel = "S", defaultValue = "12345",
        description = "seed of a random unit direction u (default: ${DEFAULT-VALUE})")
    long seed = 12345;
  }

  @Option(names = "--lags", defaultValue = LagGrid.DEFAULT, paramLabel = "FROM:TO:COUNT|L1,L2,…",
      description = "diagnostic lag grid (default: ${DEFAULT-VALUE}, linspace cast to int)")
  String lags;

  @Option(names = "--first-order", defaultValue = "true", arity = "1", paramLabel = "true|false",
      description = "include the diagonal first-order term of μ (default: ${DEFAULT-VALUE})")
  boolean firstOrder;

  @Option(names = "--sign-gauge", defaultValue = "global", paramLabel = "global|per-batch:K|per-neuron|none",
      description = "orientation of the matched statistic (default: ${DEFAULT-VALUE})")
  String gauge;

  @Option(names = "--tangent", defaultValue = "total", paramLabel = "total|immediate",
      description = "parameter–state sensitivity in ψ: total forward-mode tangent or the immediate Jacobian only "
          + "(default: ${DEFAULT-VALUE})")
  String tangent;

  @Option(names = "--gru-reset-envelopes", defaultValue = "true", arity = "1", paramLabel = "true|false",
      description = "GRU: include the reset envelopes ρ and ϑ in μ (LW-26; default: ${DEFAULT-VALUE})")
  boolean resetEnvelopes;

  @Option(names = "--gru-diagonal", defaultValue = "exact", paramLabel = "exact|code",
      description = "GRU: exact diagonal of the candidate path or the reference code's product of diagonals "
          + "(default: ${DEFAULT-VALUE})")
  String gruDiagonal;

  @Option(names = "--products", defaultValue = "float64", paramLabel = "float64|float32",
      description = "precision of the model's forward and tangent step products; float32 runs them about 1.6× as "
          + "fast, states, retention and μ kernels stay float64 (default: ${DEFAULT-VALUE})")
  String products;

  @Option(names = "--batch", defaultValue = "128", paramLabel = "B",
      description = "diagnostic sequences per batch (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--n-grid", paramLabel = "N1,N2,…", split = ",",
      description = "budget grid (default: THEORY §7.3 grid 25 … 12800)")
  long[] budgets;

  @Option(names = "--threshold", defaultValue = "0.1", paramLabel = "C",
      description = "detection threshold c_thr on the SNR (default: ${DEFAULT-VALUE})")
  double threshold;

  @Option(names = "--alpha-method", defaultValue = "mcculloch-sym", paramLabel = "mcculloch-sym|mcculloch|ecf",
      description = "α-stable estimator (default: ${DEFAULT-VALUE})")
  String alphaMethod;

  @Option(names = "--alpha-mode", defaultValue = "per-lag", paramLabel = "per-lag|pooled",
      description = "α per lag or pooled over reliable lags (default: ${DEFAULT-VALUE})")
  String alphaMode;

  @Option(names = "--reservoir", defaultValue = "1048576", paramLabel = "K",
      description = "samples kept per lag for the fits; exact below it (default: ${DEFAULT-VALUE} = 2^20)")
  int reservoir;

  @Option(names = "--target-lag", paramLabel = "L", split = ",",
      description = "also answer: how many sequences are needed to learn lag L?")
  int[] targetLags;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Override
  public Integer call() throws IOException {
    Checkpoint file = CheckpointFile.read(checkpoint);
    GatedRnn model = file.model(architecture == null ? null : Architecture.parse(architecture));
    SequenceDataset data = Npy.readDataset(x, y);
    checkInputDim(model, data, x);
    ParameterSet u = direction.file != null
        ? ProjectionDirection.read(direction.file, model.config())
        : ProjectionDirection.random(model.config(), direction.seed);
    KernelOptions kernel = KernelOptions.defaults(LagGrid.parse(lags)).withFirstOrder(firstOrder)
        .withGauge(SignGauge.parse(gauge)).withBatchSize(batch).withTangentMode(tangentMode())
        .withResetEnvelopes(resetEnvelopes).withRetention(new RetentionOptions(codeDiagonal()))
        .withProducts(Precision.parse(products, "--products"));
    LearnabilityOptions learnability = LearnabilityOptions.defaults()
        .withBudgets(budgets == null ? SampleComplexity.defaultBudgets() : budgets)
        .withThreshold(threshold).withAlphaMode(AlphaMode.parse(alphaMode));
    CheckpointDiagnosis diagnosis = new CheckpointDiagnosis(
        kernel, StableMethod.parse(alphaMethod), learnability, reservoir, direction.seed);
    ProgressBar bar = new ProgressBar(System.err, "diagnose");
    CheckpointDiagnosis.Result result;
    try {
      result = diagnosis.run(model, data, u, done -> bar.update(done, data.count(), done + "/" + data.count()
          + " sequences"));
    } finally {
      bar.finish();
    }
    DiagnosisFiles.write(result, out);
    System.out.println(result.report().summary());
    for (int lag : targetLags == null ? new int[0] : targetLags) {
      System.out.println(describe(result.report().budgetFor(lag)));
    }
    System.out.println("wrote " + out.toAbsolutePath());
    return 0;
  }

  private TangentMode tangentMode() {
    return switch (tangent) {
      case "total" -> TangentMode.TOTAL;
      case "immediate" -> TangentMode.IMMEDIATE;
      default -> throw new IllegalArgumentException("--tangent: expected total or immediate, got '" + tangent + "'");
    };
  }

  private boolean codeDiagonal() {
    return switch (gruDiagonal) {
      case "exact" -> false;
      case "code" -> true;
      default -> throw new IllegalArgumentException("--gru-diagonal: expected exact or code, got '" + gruDiagonal
          + "'");
    };
  }

  private static void checkInputDim(GatedRnn model, SequenceDataset data, Path inputs) {
    if (model.config().inputDim() != data.inputDim()) {
      throw new IllegalArgumentException(inputs + ": inputs have D=" + data.inputDim()
          + " but the checkpoint expects D=" + model.config().inputDim());
    }
  }

  private static String describe(DataBudget b) {
    String flags = (b.extrapolatedLag() ? ", lag beyond the diagnostic grid" : "")
        + (b.extrapolatedBudget() ? ", N beyond the budget grid" : "");
    return String.format(Locale.ROOT, "lag %d needs about N = %.4g sequences (f̂ = %.3g from the %s fit, κ_α = %.3f, "
        + "calibrated on %d lags%s)", b.targetLag(), b.sequences(), b.envelope(), b.extrapolation(), b.kappa(),
        b.calibrationLags(), flags.isEmpty() ? "" : "; extrapolated:" + flags.substring(1));
  }
}
