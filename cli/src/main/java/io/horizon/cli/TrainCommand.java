package io.horizon.cli;

import io.horizon.core.io.TensorDtype;
import io.horizon.core.io.YamlFiles;
import io.horizon.core.train.RunSpec;
import java.io.IOException;
import java.nio.file.Path;
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
    ProgressBar bar = new ProgressBar(System.err, "train " + spec.name());
    try {
      new TrainingRun(out, dtype).train(spec, bar);
    } finally {
      bar.finish();
    }
    System.out.println("wrote " + out.toAbsolutePath());
    return 0;
  }
}
