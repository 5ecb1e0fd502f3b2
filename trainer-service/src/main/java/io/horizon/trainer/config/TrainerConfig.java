package io.horizon.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the trainer service ({@code horizon.trainer.*} in application.properties). */
@ConfigMapping(prefix = "horizon.trainer")
public interface TrainerConfig {
  /** Runs trained at the same time. */
  @WithDefault("1")
  int workers();

  /** Threads of each run's training shards and diagnostic pass; 0 = every core. */
  @WithDefault("0")
  int threads();

  /** Samples per gradient-sample chunk (doubles; 65 536 = 512 KiB per record). */
  @WithDefault("65536")
  int chunkSize();

  /** Partitions of each topic this service creates when it is missing. */
  @WithDefault("4")
  int partitions();

  /** Replicas of each topic this service creates when it is missing. */
  @WithDefault("1")
  short replication();

  /** Seconds between run-status heartbeats while a run trains. */
  @WithDefault("1")
  double heartbeatSeconds();
}
