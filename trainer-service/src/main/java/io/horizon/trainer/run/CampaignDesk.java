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
import io.horizon.proto.v1.TrainingState;
import io.horizon.trainer.kafka.TrainerPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Takes campaigns: validates them, expands the grid into runs with deterministic ids, records the campaign on its
 * topic and queues only the runs that have never run ({@link #submit}) or that failed or were cancelled
 * ({@link #retry}). On start it rebuilds its book from the topics and resumes interrupted runs from their latest
 * saved training state.
 */
@ApplicationScoped
public class CampaignDesk {
  private final CampaignBook book;
  private final RunExecutor executor;
  private final TrainerPublisher publisher;
  private final ResumePoints resumePoints;

  public CampaignDesk(CampaignBook book, RunExecutor executor, TrainerPublisher publisher,
      ResumePoints resumePoints) {
    this.book = book;
    this.executor = executor;
    this.publisher = publisher;
    this.resumePoints = resumePoints;
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

  /**
   * Rebuilds the book from the campaigns and runs topics and the resume points from the training-state topic, then
   * queues the runs that were interrupted (each goes on from its latest saved state, if any).
   */
  public void restore(KafkaConnection kafka) {
    TopicReplay.readAll(kafka, Topics.CAMPAIGNS, new ProtoDeserializer<>(CampaignSpec.parser(), CampaignSpec.class),
        r -> book.put(r.value(), CampaignGrid.expand(r.value())));
    TopicReplay.readAll(kafka, Topics.RUNS, new ProtoDeserializer<>(RunStatus.parser(), RunStatus.class),
        r -> book.update(r.value()));
    TopicReplay.readAll(kafka, Topics.TRAINING_STATE,
        new ProtoDeserializer<>(TrainingState.parser(), TrainingState.class), r -> resumePoints.put(r.value()));
    for (String campaign : book.campaigns()) {
      for (RunSpec run : book.runsToTrain(campaign, EnumSet.of(RunState.PENDING, RunState.RUNNING))) {
        executor.enqueue(run);
      }
    }
  }
}
