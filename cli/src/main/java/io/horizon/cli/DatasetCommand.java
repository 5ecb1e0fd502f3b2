package io.horizon.cli;

import io.horizon.core.io.Npy;
import io.horizon.core.io.YamlFiles;
import io.horizon.core.task.SequenceDataset;
import io.horizon.core.train.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./horizon dataset SPEC.yaml --count N --out DIR}: a fresh diagnostic set of the run's task (same task
 * direction, an independent random stream; THEORY §7 "independent diagnostic set") as {@code x.npy} and
 * {@code y.npy}.
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
    description = {"Writes N fresh sequences of a run file's task as x.npy [N,T,D] and y.npy [N,T,1] (float32):",
        "the independent diagnostic set for ./horizon diagnose."})
final class DatasetCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "run file whose task is sampled")
  Path specFile;

  @Option(names = "--count", defaultValue = "1024", paramLabel = "N",
      description = "number of sequences (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--seed", paramLabel = "S",
      description = "data seed (default: derived from the run's seed for the diagnostic set)")
  Long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("--count: must be at least 1, got " + count);
    }
    RunSpec spec = RunSpec.fromMap(YamlFiles.read(specFile), specFile.toString());
    long dataSeed = seed != null ? seed : spec.diagnosticSeed();
    SequenceDataset data = spec.task().create().generate(count, dataSeed);
    Files.createDirectories(out);
    Npy.writeDataset(data, out.resolve("x.npy"), out.resolve("y.npy"));
    System.out.println("wrote " + count + " sequences of task " + spec.task().name() + " (data seed " + dataSeed
        + ") to " + out.toAbsolutePath());
    return 0;
  }
}
