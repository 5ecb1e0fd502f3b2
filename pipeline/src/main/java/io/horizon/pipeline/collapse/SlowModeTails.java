package io.horizon.pipeline.collapse;

import io.horizon.core.collapse.IncrementSamples;
import io.horizon.core.collapse.SlowRowIncrements;
import io.horizon.core.collapse.SlowUnits;
import io.horizon.core.model.Architecture;
import io.horizon.core.train.Optimizer;
import io.horizon.pipeline.campaign.CollapseSettings;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.SlowModeTail;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The slow-mode forcing tail index at each checkpoint of one training of a run (THEORY §11.3 item 10), when the
 * run's diagnostic spec turns the anti-collapse analyses on. {@link #updates} wraps the run's optimizer (forcing
 * included) so that the realised increments of the slow units' rows are recorded ({@link SlowRowIncrements}, slow
 * share q_low, a uniform sample of at most {@code slowModeSamples}); {@link #stamp} puts on each checkpoint the index
 * of the increments since the previous checkpoint, bias-corrected by a calibration built once per sample size and
 * kept for the run's later checkpoints. The trainer and the in-process path both go through here, and the
 * diagnostics stage copies the index into the checkpoint's diagnosis ({@link #carry}).
 */
public final class SlowModeTails {
  /** What the samples are (the primary kind of THEORY §11.3 item 10; the hidden-state fallback is not used). */
  public static final String SAMPLE_KIND = "parameter increments";

  private final Optional<CollapseSettings> settings;
  private final UnaryOperator<Optimizer> planned;
  private final Architecture architecture;
  private final IncrementSamples samples;
  private final TailIndexes indexes;

  private SlowModeTails(RunPlan plan) {
    this.settings = plan.collapse();
    this.planned = plan.updates();
    this.architecture = plan.training().model().architecture();
    this.samples = settings.filter(s -> SlowUnits.applies(architecture))
        .map(s -> new IncrementSamples(s.slowModeSamples(), plan.training().seed())).orElse(null);
    this.indexes = settings.map(TailIndexes::new).orElse(null);
  }

  /** A fresh recorder for one training of the run of {@code plan}. */
  public static SlowModeTails of(RunPlan plan) {
    return new SlowModeTails(plan);
  }

  /** The run's optimizer wrapper ({@link RunPlan#updates}), recording the slow rows' increments when on. */
  public UnaryOperator<Optimizer> updates() {
    if (samples == null) {
      return planned;
    }
    double share = settings.orElseThrow().qLow();
    return inner -> new SlowRowIncrements(planned.apply(inner), share, samples);
  }

  /**
   * {@code checkpoint} with the tail index of the increments recorded since the previous checkpoint, which are then
   * forgotten; unchanged when the analyses are off. Call it once per checkpoint, in epoch order.
   */
  public Checkpoint stamp(Checkpoint checkpoint) {
    return settings.map(s -> checkpoint.toBuilder().setSlowModeTail(tail(checkpoint.getEpoch())).build())
        .orElse(checkpoint);
  }

  /** {@code diagnosis} with the tail index the checkpoint carries, if it carries one. */
  public static CollapseDiagnosis carry(CollapseDiagnosis diagnosis, Checkpoint checkpoint) {
    return checkpoint.hasSlowModeTail()
        ? diagnosis.toBuilder().setSlowModeTail(checkpoint.getSlowModeTail()).build() : diagnosis;
  }

  private SlowModeTail tail(int epoch) {
    SlowModeTail.Builder b = SlowModeTail.newBuilder().setSampleKind(SAMPLE_KIND);
    if (samples == null) {
      return b.setUnavailable("architecture " + architecture + ": the slow-unit rule reads the H×H recurrent weight "
          + SlowUnits.TENSOR + " of const, shared and diag only").build();
    }
    b.setRecorded(samples.recorded());
    return indexes.estimate(b, samples.drain(), "increments since the previous checkpoint", "epoch " + epoch);
  }
}
