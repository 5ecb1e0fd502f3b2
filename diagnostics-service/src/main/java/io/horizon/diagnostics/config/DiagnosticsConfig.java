package io.horizon.diagnostics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the diagnostics service ({@code horizon.diagnostics.*} in application.properties). */
@ConfigMapping(prefix = "horizon.diagnostics")
public interface DiagnosticsConfig {
  /** Threads of the diagnostic pass; 0 = every core. */
  @WithDefault("0")
  int threads();

  /** Partitions of each topic this service creates when it is missing. */
  @WithDefault("4")
  int partitions();

  /** Replicas of each topic this service creates when it is missing. */
  @WithDefault("1")
  short replication();
}
