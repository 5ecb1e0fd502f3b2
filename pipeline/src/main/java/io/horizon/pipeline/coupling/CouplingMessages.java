package io.horizon.pipeline.coupling;

import io.horizon.core.coupling.AnisotropyMetrics;
import io.horizon.core.coupling.LagAnisotropy;
import io.horizon.core.coupling.SensitivityProfile;
import io.horizon.core.coupling.SlopeFit;
import io.horizon.core.coupling.Spread;
import io.horizon.proto.v1.CouplingAnisotropy;
import io.horizon.proto.v1.CouplingLagAnisotropy;
import io.horizon.proto.v1.CouplingSensitivity;
import io.horizon.proto.v1.CouplingSlope;
import io.horizon.proto.v1.QuartileSpread;
import java.util.Arrays;
import java.util.List;

/** The coupling analyses of {@code core} (THEORY §10.2–10.3) as {@code horizon.v1} messages, every value exact. */
public final class CouplingMessages {
  private CouplingMessages() {}

  /** S1 of one checkpoint on {@code sequences} probe sequences. */
  public static CouplingSensitivity sensitivity(SensitivityProfile p, int sequences) {
    CouplingSensitivity.Builder b = CouplingSensitivity.newBuilder().setSequences(sequences)
        .addAllLags(Arrays.stream(p.lags()).boxed().toList())
        .addAllEffective(boxed(p.effective()))
        .addAllPredictorMedian(boxed(p.predictorMedian()))
        .addAllZerothOrder(boxed(p.zerothOrder()));
    SlopeFit slope = p.slope();
    if (slope != null) {
      b.setSlope(CouplingSlope.newBuilder().setSlope(slope.slope()).setIntercept(slope.intercept())
          .setR2(slope.r2()).setPairs(slope.pairs()));
      b.addAllFitted(boxed(p.fitted()));
    }
    return b.build();
  }

  /** S2 of one checkpoint: the Jacobian side per lag and the gradient side from {@code rows} samples. */
  public static CouplingAnisotropy anisotropy(List<LagAnisotropy> lags, AnisotropyMetrics gradient, int rows,
      int rank, int retained) {
    CouplingAnisotropy.Builder b = CouplingAnisotropy.newBuilder()
        .setGradientAnisotropy(gradient.anisotropy()).setGradientConcentration(gradient.concentration())
        .setGradientRows(rows).setRank(rank).setRetained(retained);
    for (LagAnisotropy lag : lags) {
      b.addLags(CouplingLagAnisotropy.newBuilder().setLag(lag.lag()).setPairs(lag.pairs())
          .setAnisotropy(spread(lag.anisotropy())).setConcentration(spread(lag.concentration())));
    }
    return b.build();
  }

  private static QuartileSpread spread(Spread s) {
    return QuartileSpread.newBuilder().setMedian(s.median()).setLower(s.lower()).setUpper(s.upper()).build();
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
