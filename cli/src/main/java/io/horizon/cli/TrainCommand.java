package io.horizon.cli;

import io.horizon.core.io.CheckpointFile;
import io.horizon.core.io.CodeVersion;
import io.horizon.core.io.Json;
import io.horizon.core.io.Provenance;
import io.horizon.core.io.TensorDtype;
import io.horizon.core.io.YamlFiles;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.train.EpochMetrics;
import io.horizon.core.train.RunSpec;
import io.horizon.core.train.Trainer;
import io.horizon.core.train.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./horizon train SPEC.yaml --out DIR}: trains one run and writes its checkpoints with provenance. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Trains one gated RNN from a run file and writes checkpoints (safetensors, PyTorch layout) with",
        "provenance, the per-epoch metrics (metrics.csv) and the normalised spec (spec.json) into --out."})
final class TrainCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "run file (fields: docs/run-spec.md)")
  Path specFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Option(names = "--dtype", defaultValue = "F32", paramLabel = "F32|F64",
      description = "checkpoint tensor type (default: ${DEFAULT-VALUE}, as PyTorch writes)")
  TensorDtype dtype;

  @Override
  public Integer call() throws IOException {
    RunSpec spec = RunSpec.fromMap(YamlFiles.read(specFile), specFile.toString());
    Files.createDirectories(out.resolve("checkpoints"));
    Files.writeString(out.resolve("spec.json"), Json.write(spec.toMap()) + "\n");
    GatedRnn model = spec.initialModel();
    ProgressBar bar = new ProgressBar(System.err, "train " + spec.name());
    try (PrintWriter metrics = new PrintWriter(Files.newBufferedWriter(out.resolve("metrics.csv")))) {
      metrics.println("epoch,train_loss,train_r2,val_loss,val_r2,wall_s,seq_steps_per_s");
      new Trainer(spec.training()).train(model, spec.task().create(), new Listener(spec, bar, metrics));
    } finally {
      bar.finish();
    }
    System.out.println("wrote " + out.toAbsolutePath());
    return 0;
  }

  /** Renders progress, appends metrics and writes the checkpoints the trainer asks for. */
  private final class Listener implements TrainingListener {
    private final RunSpec spec;
    private final ProgressBar bar;
    private final PrintWriter metrics;
    private String lastEpoch = "";

    Listener(RunSpec spec, ProgressBar bar, PrintWriter metrics) {
      this.spec = spec;
      this.bar = bar;
      this.metrics = metrics;
    }

    @Override
    public void batchFinished(int epoch, int batch, int batches) {
      long done = (long) (epoch - 1) * batches + batch;
      bar.update(done, (long) spec.training().epochs() * batches,
          "epoch " + epoch + "/" + spec.training().epochs() + " batch " + batch + "/" + batches + lastEpoch);
    }

    @Override
    public void epochFinished(EpochMetrics m) {
      metrics.println(String.format(Locale.ROOT, "%d,%.9g,%.6f,%.9g,%.6f,%.3f,%.1f", m.epoch(), m.trainLoss(),
          m.trainR2(), m.validationLoss(), m.validationR2(), m.wallSeconds(), m.sequenceStepsPerSecond()));
      metrics.flush();
      lastEpoch = String.format(Locale.ROOT, " | last: loss %.4g, val R² %.3f", m.trainLoss(), m.validationR2());
      bar.line(String.format(Locale.ROOT, "epoch %d: train loss %.5g, R² %.4f; validation loss %.5g, R² %.4f; "
              + "%.1f s, %.0f seq-steps/s", m.epoch(), m.trainLoss(), m.trainR2(), m.validationLoss(),
          m.validationR2(), m.wallSeconds(), m.sequenceStepsPerSecond()));
    }

    @Override
    public void checkpointDue(int epoch, EpochMetrics m, GatedRnn model) {
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("trainLoss", m.trainLoss());
      values.put("trainR2", m.trainR2());
      values.put("validationLoss", m.validationLoss());
      values.put("validationR2", m.validationR2());
      Provenance provenance = new Provenance(model.config().architecture(), spec.toMap(),
          Map.of("root", spec.seed()), CodeVersion.current(), epoch, values);
      String stem = String.format(Locale.ROOT, "epoch-%04d", epoch);
      Path dir = out.resolve("checkpoints");
      CheckpointFile.write(dir.resolve(stem + ".safetensors"), model, provenance, dtype);
      try {
        Files.writeString(dir.resolve(stem + ".json"), provenance.toJson() + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
