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

  /**
   * The core fit a message holds, checked: a known method, α̂ in (0, 2], γ̂ finite and not negative; the error names
   * the fit and the field.
   */
  public static io.horizon.core.stable.StableFit decode(StableFit m) {
    String what = "stable fit " + m.getRunId() + "@" + m.getEpoch() + " lag " + m.getLag() + ": ";
    StableMethod method;
    try {
      method = StableMethod.parse(m.getMethod());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + "method: " + e.getMessage(), e);
    }
    if (!(m.getAlpha() > 0 && m.getAlpha() <= 2)) {
      throw new IllegalArgumentException(what + "alpha: " + m.getAlpha() + " is not in (0, 2]");
    }
    if (!(m.getGamma() >= 0 && Double.isFinite(m.getGamma()))) {
      throw new IllegalArgumentException(what + "gamma: " + m.getGamma() + " is not finite and non-negative");
    }
    return new io.horizon.core.stable.StableFit(m.getAlpha(), m.getBeta(), m.getGamma(), m.getDelta(), m.getN(),
        m.getReliable(), m.getReason(), method);
  }
}
