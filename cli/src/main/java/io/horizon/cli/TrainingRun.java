package io.horizon.cli;

import io.horizon.core.io.CheckpointFile;
import io.horizon.core.io.Json;
import io.horizon.core.io.Provenance;
import io.horizon.core.io.TensorDtype;
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
import java.util.Locale;

/**
 * Trains one run into a directory: {@code spec.json}, {@code metrics.csv} (one row per epoch) and
 * {@code checkpoints/epoch-NNNN.safetensors} with a provenance sidecar {@code epoch-NNNN.json}, with progress on a
 * terminal bar.
 */
final class TrainingRun {
  private final Path out;
  private final TensorDtype dtype;

  TrainingRun(Path out, TensorDtype dtype) {
    this.out = out;
    this.dtype = dtype;
  }

  /** Trains {@code spec} and returns the model after the last epoch. */
  GatedRnn train(RunSpec spec, ProgressBar bar) throws IOException {
    Files.createDirectories(out.resolve("checkpoints"));
    Files.writeString(out.resolve("spec.json"), Json.write(spec.toMap()) + "\n");
    GatedRnn model = spec.initialModel();
    try (PrintWriter metrics = new PrintWriter(Files.newBufferedWriter(out.resolve("metrics.csv")))) {
      metrics.println("epoch,train_loss,train_r2,val_loss,val_r2,wall_s,seq_steps_per_s");
      new Trainer(spec.training()).train(model, spec.task().create(), new Listener(spec, bar, metrics));
    }
    return model;
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
      Provenance provenance = spec.provenance(epoch, m);
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
