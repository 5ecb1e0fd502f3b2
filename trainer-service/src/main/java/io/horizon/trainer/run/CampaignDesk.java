package io.horizon.trainer.run;

import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.pipeline.campaign.CampaignValidation;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.ProtoDeserializer;
import io.horizon.pipeline.kafka.TopicReplay;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import io.horizon.trainer.kafka.TrainerPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Takes campaigns: validates them, expands the grid into runs with deterministic ids, records the campaign on its
 * topic and queues only the runs that have never run ({@link #submit}) or that failed or were cancelled
 * ({@link #retry}). On start it rebuilds its book from the topics and resumes interrupted runs.
 */
@ApplicationScoped
public class CampaignDesk {
  private final CampaignBook book;
  private final RunExecutor executor;
  private final TrainerPublisher publisher;

  public CampaignDesk(CampaignBook book, RunExecutor executor, TrainerPublisher publisher) {
    this.book = book;
    this.executor = executor;
    this.publisher = publisher;
  }

  /** Accepts a campaign; runs that already have a status (finished, running or queued) are not trained again. */
  public CampaignState submit(CampaignSpec spec) {
    CampaignSpec valid = CampaignValidation.validate(spec, "campaign");
    publisher.campaign(valid);
    book.put(valid, CampaignGrid.expand(valid));
    book.runsToTrain(valid.getName(), Set.of()).forEach(executor::enqueue);
    return state(valid.getName());
  }

  /** Queues again the runs of a campaign that failed, were cancelled or never started. */
  public CampaignState retry(String campaign) {
    state(campaign);
    book.runsToTrain(campaign, EnumSet.of(RunState.FAILED, RunState.CANCELLED)).forEach(executor::enqueue);
    return state(campaign);
  }

  /** The spec and run statuses of a campaign; NoSuchElementException when unknown. */
  public CampaignState state(String campaign) {
    return book.state(campaign).orElseThrow(() -> new NoSuchElementException("campaign '" + campaign + "' is unknown"));
  }

  /** Rebuilds the book from the campaigns and runs topics and queues the runs that were interrupted. */
  public void restore(KafkaConnection kafka) {
    TopicReplay.readAll(kafka, Topics.CAMPAIGNS, new ProtoDeserializer<>(CampaignSpec.parser(), CampaignSpec.class),
        r -> book.put(r.value(), CampaignGrid.expand(r.value())));
    TopicReplay.readAll(kafka, Topics.RUNS, new ProtoDeserializer<>(RunStatus.parser(), RunStatus.class),
        r -> book.update(r.value()));
    for (String campaign : book.campaigns()) {
      for (RunSpec run : book.runsToTrain(campaign, EnumSet.of(RunState.PENDING, RunState.RUNNING))) {
        executor.enqueue(run);
      }
    }
  }
}
