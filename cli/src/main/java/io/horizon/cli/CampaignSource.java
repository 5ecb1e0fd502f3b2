package io.horizon.cli;

import io.horizon.pipeline.campaign.CampaignFiles;
import io.horizon.proto.v1.CampaignSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/** A campaign named on the command line: a preset name or a YAML file. */
final class CampaignSource {
  private CampaignSource() {}

  /** Reads {@code name}: a file when one exists at that path, else a preset. */
  static CampaignSpec read(String name) {
    Path file = Path.of(name);
    if (Files.isRegularFile(file)) {
      return CampaignFiles.read(file);
    }
    if (CampaignFiles.presets().contains(name)) {
      return CampaignFiles.preset(name);
    }
    throw new IllegalArgumentException("campaign: '" + name + "' is neither a file nor a preset "
        + CampaignFiles.presets());
  }
}
