package io.horizon.pipeline.campaign;

import static io.horizon.pipeline.campaign.CampaignYaml.nonZeroInteger;

import io.horizon.core.io.SpecNode;
import io.horizon.proto.v1.AnisotropySpec;
import io.horizon.proto.v1.CouplingSpec;
import io.horizon.proto.v1.SensitivitySpec;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code diagnostic.coupling} block of a campaign file (docs/coupling.md) into a {@link CouplingSpec} as
 * written; {@link CouplingSettings} checks the values and fills the defaults.
 */
final class CouplingYaml {
  private CouplingYaml() {}

  /** The coupling spec of the block {@code node}; errors name the field's path. */
  static CouplingSpec read(SpecNode node) {
    CouplingSpec.Builder b = CouplingSpec.newBuilder();
    if (node.has("sensitivity")) {
      b.setSensitivity(sensitivity(child(node, "sensitivity")));
    }
    if (node.has("anisotropy")) {
      b.setAnisotropy(anisotropy(child(node, "anisotropy")));
    }
    node.rejectUnread();
    return b.build();
  }

  private static SensitivitySpec sensitivity(SpecNode node) {
    SensitivitySpec.Builder b = SensitivitySpec.newBuilder();
    if (node.has("enabled")) {
      b.setEnabled(node.bool("enabled", true));
    }
    b.setSequences(nonZeroInteger(node, "sequences"));
    b.setPowerIterations(nonZeroInteger(node, "powerIterations"));
    if (node.has("probeSeed")) {
      b.setProbeSeed(node.longInteger("probeSeed", 0));
    }
    node.rejectUnread();
    return b.build();
  }

  private static AnisotropySpec anisotropy(SpecNode node) {
    AnisotropySpec.Builder b = AnisotropySpec.newBuilder();
    if (node.has("enabled")) {
      b.setEnabled(node.bool("enabled", true));
    }
    b.addAllLags(node.integers("lags", List.of()));
    b.setPairsPerLag(nonZeroInteger(node, "pairsPerLag"));
    b.setRank(nonZeroInteger(node, "rank"));
    b.setRetained(nonZeroInteger(node, "retained"));
    b.setGradientRows(nonZeroInteger(node, "gradientRows"));
    b.setSequences(nonZeroInteger(node, "sequences"));
    if (node.has("probeSeed")) {
      b.setProbeSeed(node.longInteger("probeSeed", 0));
    }
    node.rejectUnread();
    return b.build();
  }

  private static SpecNode child(SpecNode node, String key) {
    return SpecNode.of(node.object(key, Map.of()), node.path(key));
  }
}
