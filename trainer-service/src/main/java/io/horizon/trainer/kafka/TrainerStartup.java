package io.horizon.trainer.kafka;

import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.TopicLayout;
import io.horizon.trainer.config.TrainerConfig;
import io.horizon.trainer.run.CampaignDesk;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

/** At start: creates the missing topics, then rebuilds the campaign book and resumes interrupted runs. */
public class TrainerStartup {
  void onStart(@Observes StartupEvent event, CampaignDesk desk, TrainerConfig config, KafkaConnection kafka) {
    TopicLayout.ensure(kafka, config.partitions(), config.replication());
    desk.restore(kafka);
  }
}
