package io.horizon.pipeline.campaign;

import io.horizon.core.collapse.FarLeftSlice;
import io.horizon.core.collapse.SlowModeForcing;
import io.horizon.proto.v1.ForcingSpec;

/**
 * The heavy-tailed slow-mode forcing of a ConstGate run (THEORY §11.3 item 11): a proto {@link ForcingSpec} with
 * unset fields at α_inject 1.5, multiplier 1, soft bound 100 and slow-unit share 0.10, checked by core.
 *
 * @param forcing the forcing law
 * @param slowQuantile share of units whose rows are forced
 */
public record ForcingSettings(SlowModeForcing forcing, double slowQuantile) {

  /** The settings of {@code spec}; errors name fields below {@code path}. */
  static ForcingSettings of(ForcingSpec spec, String path) {
    SlowModeForcing defaults = SlowModeForcing.defaults();
    double alpha = spec.getAlpha() == 0 ? defaults.alpha() : spec.getAlpha();
    double multiplier = spec.getScaleMultiplier() == 0 ? defaults.scaleMultiplier() : spec.getScaleMultiplier();
    double bound = spec.getSoftBound() == 0 ? defaults.softBound() : spec.getSoftBound();
    double quantile = spec.getSlowQuantile() == 0 ? FarLeftSlice.DEFAULT_Q_LOW : spec.getSlowQuantile();
    if (!(quantile > 0 && quantile < 1)) {
      throw new IllegalArgumentException(path + ".slowQuantile: must lie in (0, 1), got " + quantile);
    }
    try {
      return new ForcingSettings(new SlowModeForcing(alpha, multiplier, bound), quantile);
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("alpha") ? "alpha"
          : e.getMessage().startsWith("scale") ? "scaleMultiplier" : "softBound";
      throw new IllegalArgumentException(path + "." + field + ": " + e.getMessage(), e);
    }
  }

  /** The same settings as a proto message with every field explicit. */
  ForcingSpec toProto() {
    return ForcingSpec.newBuilder().setAlpha(forcing.alpha()).setScaleMultiplier(forcing.scaleMultiplier())
        .setSoftBound(forcing.softBound()).setSlowQuantile(slowQuantile).build();
  }
}
