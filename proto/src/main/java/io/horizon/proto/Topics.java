package io.horizon.proto;

import java.util.List;
import java.util.Set;

/** The Kafka topics of the pipeline, named once for every service and test; payloads are {@code horizon.v1}. */
public final class Topics {
  /** {@code CampaignSpec}: submitted campaigns. */
  public static final String CAMPAIGNS = "horizon.campaigns";
  /** {@code RunStatus}, compacted, keyed by run id. */
  public static final String RUNS = "horizon.runs";
  /** {@code TrainingState}, compacted, keyed by run id: the latest state to resume each run from. */
  public static final String TRAINING_STATE = "horizon.training-state";
  /** {@code Checkpoint}: frozen checkpoints. */
  public static final String CHECKPOINTS = "horizon.checkpoints";
  /** {@code GradientSampleChunk}, keyed by run/epoch/lag so that estimator instances split the lags. */
  public static final String GRADIENT_SAMPLES = "horizon.gradient-samples";
  /** {@code EnvelopeReport}. */
  public static final String ENVELOPES = "horizon.envelopes";
  /** {@code StableFit}, one per lag. */
  public static final String STABLE_FITS = "horizon.stable-fits";
  /** {@code LearnabilityReport}. */
  public static final String LEARNABILITY = "horizon.learnability";

  /** Records a stage rejected, as they were, with headers naming their source and the reason. */
  public static final String DEAD_LETTERS = "horizon.dead-letters";

  /** Every topic, in pipeline order, then the dead letters. */
  public static final List<String> ALL = List.of(CAMPAIGNS, RUNS, TRAINING_STATE, CHECKPOINTS, GRADIENT_SAMPLES,
      ENVELOPES, STABLE_FITS, LEARNABILITY, DEAD_LETTERS);

  /** The topics that keep only the latest record per key (cleanup policy compact). */
  public static final Set<String> COMPACTED = Set.of(RUNS, TRAINING_STATE);

  private Topics() {}

  /** Key of a gradient-sample chunk: run, epoch and lag, so that every chunk of a lag goes to one partition. */
  public static String sampleKey(String runId, int epoch, int lag) {
    return runId + "/" + epoch + "/" + lag;
  }
}
