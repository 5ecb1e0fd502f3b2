package io.horizon.pipeline.message;

import io.horizon.core.learnability.CheckpointDiagnosis;
import io.horizon.core.stable.LagAccumulator;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.GradientSampleChunk;
import io.horizon.proto.v1.StableFit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The estimator's state: one streaming accumulator per (run, epoch, lag) fed with that lag's sample chunks in
 * order (THEORY §7.1); when the last chunk arrives the lag's α-stable fit is due. A chunk seen before (a broker
 * redelivery or a replay after a restart) is ignored, so nothing is counted twice; so is the tail of a lag whose
 * first chunk lies before the replay's start (that lag was fitted before the restart). NaN or infinite samples are
 * counted apart and make the lag's fit unreliable, with the reason (THEORY §7.1 guards).
 */
public final class LagFitAssembly {
  private final Map<String, Open> open = new HashMap<>();
  private final Set<String> done = new HashSet<>();

  /** Feeds one chunk; returns the lag's fit when this chunk completes it. */
  public Optional<StableFit> accept(GradientSampleChunk chunk) {
    String key = key(chunk);
    if (done.contains(key)) {
      return Optional.empty();
    }
    Open lag = open.get(key);
    if (lag == null) {
      if (chunk.getChunkIndex() != 0) {
        return Optional.empty();
      }
      CheckpointDiagnosis diagnosis = RunPlan.of(chunk.getRun()).diagnosis(1);
      lag = new Open(diagnosis, diagnosis.accumulator(chunk.getLag()));
      open.put(key, lag);
    }
    if (chunk.getChunkIndex() < lag.next) {
      return Optional.empty();
    }
    if (chunk.getChunkIndex() > lag.next) {
      throw new IllegalStateException(key + ": expected chunk " + lag.next + ", got " + chunk.getChunkIndex());
    }
    double[] values = new double[chunk.getValuesCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = chunk.getValues(i);
    }
    lag.samples.add(values, values.length);
    lag.next++;
    if (chunk.getChunkCount() == 0) {
      return Optional.empty();
    }
    long received = lag.samples.count() + lag.samples.nonFiniteCount();
    if (received != chunk.getTotalCount()) {
      throw new IllegalStateException(key + ": received " + received + " samples, the trainer sent "
          + chunk.getTotalCount());
    }
    open.remove(key);
    done.add(key);
    return Optional.of(FitMessages.encode(chunk.getCampaign(), chunk.getRunId(), chunk.getEpoch(), chunk.getLag(),
        lag.diagnosis.fit(lag.samples, chunk.getOrientation())));
  }

  /** Whether the lag of this key has chunks in and its fit still out. */
  public boolean isOpen(String key) {
    return open.containsKey(key);
  }

  /** The sample key (run/epoch/lag) of a chunk, as on the topic. */
  public static String key(GradientSampleChunk chunk) {
    return Topics.sampleKey(chunk.getRunId(), chunk.getEpoch(), chunk.getLag());
  }

  /** An incomplete lag: its accumulator and the index of the chunk it expects next. */
  private static final class Open {
    final CheckpointDiagnosis diagnosis;
    final LagAccumulator samples;
    int next;

    Open(CheckpointDiagnosis diagnosis, LagAccumulator samples) {
      this.diagnosis = diagnosis;
      this.samples = samples;
    }
  }
}
