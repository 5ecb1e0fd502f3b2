package io.horizon.estimator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the estimator service ({@code horizon.estimator.*} in application.properties). */
@ConfigMapping(prefix = "horizon.estimator")
public interface EstimatorConfig {
  /** Partitions of each topic this service creates when it is missing. */
  @WithDefault("4")
  int partitions();

  /** Replicas of each topic this service creates when it is missing. */
  @WithDefault("1")
  short replication();

  /** Estimator of the Fit call when the request names none (mcculloch-sym | mcculloch | ecf). */
  @WithDefault("mcculloch-sym")
  String defaultMethod();
}
