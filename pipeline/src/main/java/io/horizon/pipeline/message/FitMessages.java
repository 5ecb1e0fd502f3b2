package io.horizon.pipeline.message;

import io.horizon.core.stable.StableMethod;
import io.horizon.proto.v1.StableFit;

/** Per-lag α-stable fits (THEORY §7.1) as {@code horizon.v1.StableFit} messages and back, every number exact. */
public final class FitMessages {
  private FitMessages() {}

  /** The message of the fit of lag {@code lag} of checkpoint {@code runId}@{@code epoch}. */
  public static StableFit encode(String campaign, String runId, int epoch, int lag,
      io.horizon.core.stable.StableFit fit) {
    return StableFit.newBuilder()
        .setCampaign(campaign)
        .setRunId(runId)
        .setEpoch(epoch)
        .setLag(lag)
        .setAlpha(fit.alpha())
        .setBeta(fit.beta())
        .setGamma(fit.gamma())
        .setDelta(fit.delta())
        .setN(fit.n())
        .setReliable(fit.reliable())
        .setReason(fit.reason())
        .setMethod(fit.method().cliName())
        .build();
  }

  /** The core fit a message holds. */
  public static io.horizon.core.stable.StableFit decode(StableFit m) {
    StableMethod method;
    try {
      method = StableMethod.parse(m.getMethod());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("stable fit " + m.getRunId() + "@" + m.getEpoch() + " lag " + m.getLag()
          + ": method: " + e.getMessage(), e);
    }
    return new io.horizon.core.stable.StableFit(m.getAlpha(), m.getBeta(), m.getGamma(), m.getDelta(), m.getN(),
        m.getReliable(), m.getReason(), method);
  }
}
