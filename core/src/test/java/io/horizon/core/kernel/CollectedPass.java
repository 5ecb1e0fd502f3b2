package io.horizon.core.kernel;

import io.horizon.core.io.ProjectionDirection;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.task.SequenceDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A diagnostic pass run in a test, with every lag's samples kept in arrival order. */
record CollectedPass(DiagnosticResult result, List<List<double[]>> chunks) {
  private static final long DIRECTION_SEED = 67;

  /** The projection direction every collected pass of {@code model} uses. */
  static ParameterSet direction(GatedRnn model) {
    return ProjectionDirection.random(model.config(), DIRECTION_SEED);
  }

  static CollectedPass run(GatedRnn model, SequenceDataset data, KernelOptions options) {
    List<List<double[]>> chunks = new ArrayList<>();
    for (int i = 0; i < options.lags().length; i++) {
      chunks.add(new ArrayList<>());
    }
    LagSampleSink sink = (lag, values, count) -> {
      synchronized (chunks) {
        chunks.get(lag).add(Arrays.copyOf(values, count));
      }
    };
    DiagnosticResult result = new DiagnosticPass(options).run(model, data, direction(model), sink, done -> { });
    return new CollectedPass(result, chunks);
  }

  /** The samples of lag index {@code lag}, its chunks end to end. */
  double[] samples(int lag) {
    return chunks.get(lag).stream().flatMapToDouble(Arrays::stream).toArray();
  }
}
