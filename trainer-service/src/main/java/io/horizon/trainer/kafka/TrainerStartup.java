package io.horizon.trainer.kafka;

import io.horizon.pipeline.kafka.TopicLayout;
import io.horizon.trainer.config.TrainerConfig;
import io.horizon.trainer.run.CampaignDesk;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** At start: creates the missing topics, then rebuilds the campaign book and resumes interrupted runs. */
public class TrainerStartup {
  void onStart(@Observes StartupEvent event, CampaignDesk desk, TrainerConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
    TopicLayout.ensure(bootstrap, config.partitions(), config.replication());
    desk.restore(bootstrap);
  }
}
