package io.horizon.trainer.kafka;

import com.google.protobuf.MessageLite;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.KafkaSettings;
import io.horizon.pipeline.kafka.ProtoSerializer;
import io.horizon.pipeline.kafka.TopicLayout;
import io.horizon.pipeline.metrics.StageMeters;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.GradientSampleChunk;
import io.horizon.proto.v1.RunStatus;
import io.horizon.proto.v1.TrainingState;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Everything the trainer writes to Kafka: campaigns, run status, training states, checkpoints and sample chunks. */
@ApplicationScoped
public class TrainerPublisher {
  private final KafkaProducer<String, MessageLite> producer;
  private final StageMeters meters;

  public TrainerPublisher(KafkaConnection kafka, MeterRegistry registry) {
    producer = new KafkaProducer<>(KafkaSettings.producer(kafka, "trainer"), new StringSerializer(),
        new ProtoSerializer<>());
    meters = new StageMeters(registry);
  }

  /** Records an accepted campaign (keyed by name) and waits for the broker. */
  public void campaign(CampaignSpec spec) {
    sendAndWait(Topics.CAMPAIGNS, spec.getName(), spec);
  }

  /** Publishes a run's latest status (compacted topic keyed by run id). */
  public void status(RunStatus status) {
    send(Topics.RUNS, status.getRunId(), status);
  }

  /** Publishes a frozen checkpoint and waits for the broker. */
  public void checkpoint(Checkpoint checkpoint) {
    sendAndWait(Topics.CHECKPOINTS, checkpoint.getRunId() + "/" + checkpoint.getEpoch(), checkpoint);
  }

  /**
   * Publishes a run's resume point (compacted topic keyed by run id) and waits for the broker; returns false,
   * publishing nothing, when the state is larger than the largest record the topics take.
   */
  public boolean trainingState(TrainingState state) {
    if (state.getSerializedSize() > TopicLayout.MAX_RECORD_BYTES) {
      return false;
    }
    sendAndWait(Topics.TRAINING_STATE, state.getRunId(), state);
    return true;
  }

  /** Publishes one gradient-sample chunk, keyed so that all chunks of a lag share a partition. */
  public void chunk(GradientSampleChunk chunk) {
    send(Topics.GRADIENT_SAMPLES, Topics.sampleKey(chunk.getRunId(), chunk.getEpoch(), chunk.getLag()), chunk);
  }

  /** Waits until everything sent so far is on the broker. */
  public void flush() {
    producer.flush();
  }

  private Future<RecordMetadata> send(String topic, String key, MessageLite value) {
    Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, key, value));
    meters.published(topic);
    return sent;
  }

  private void sendAndWait(String topic, String key, MessageLite value) {
    try {
      send(topic, key, value).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(topic + ": interrupted while publishing " + key, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(topic + ": publishing " + key + " failed: " + e.getCause().getMessage(), e);
    }
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
