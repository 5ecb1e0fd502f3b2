package io.horizon.pipeline.metrics;

import io.horizon.proto.v1.OptimizerSpec;
import io.horizon.proto.v1.RunSpec;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;

/**
 * The bounded labels of a run's meters: campaign, architecture and optimizer (kind and learning rate). Run ids and
 * seeds are left out on purpose; only {@code horizon_run_info} carries them.
 */
public final class RunTags {
  private RunTags() {}

  /** Campaign, architecture and optimizer of {@code run}. */
  public static Tags of(RunSpec run) {
    return Tags.of("campaign", run.getCampaign(), "architecture", run.getArchitecture(), "optimizer",
        optimizer(run.getOptimizer()));
  }

  /** An optimizer as one label value, e.g. {@code adamw lr=0.01}. */
  public static String optimizer(OptimizerSpec optimizer) {
    return String.format(Locale.ROOT, "%s lr=%s", optimizer.getKind(), optimizer.getLr());
  }
}
