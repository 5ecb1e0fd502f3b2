package io.horizon.aggregator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the aggregator service ({@code horizon.aggregator.*} in application.properties). */
@ConfigMapping(prefix = "horizon.aggregator")
public interface AggregatorConfig {
  /** Partitions of each topic this service creates when it is missing. */
  @WithDefault("4")
  int partitions();

  /** Replicas of each topic this service creates when it is missing. */
  @WithDefault("1")
  short replication();
}
