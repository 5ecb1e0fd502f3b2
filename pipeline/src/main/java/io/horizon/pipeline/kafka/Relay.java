package io.horizon.pipeline.kafka;

import com.google.protobuf.MessageLite;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One pipeline stage on Kafka: records in from a consumer group, a {@code core} computation, records out. Outputs
 * of a batch are flushed to the broker before the batch's offsets are committed, so a crash replays input rather
 * than losing output.
 */
public final class Relay implements AutoCloseable {
  /** A record to publish. */
  public record Output(String topic, String key, MessageLite value) {}

  /** The stage's computation on one input record (value: protobuf bytes); throwing rejects the record. */
  @FunctionalInterface
  public interface Step {
    List<Output> apply(ConsumerRecord<String, byte[]> record) throws Exception;
  }

  private final KafkaProducer<String, MessageLite> producer;
  private final RecordLoop<byte[]> loop;

  /**
   * @param committable maps each partition's next position to the offset that may be committed (identity: all)
   * @param observer hears of every input record handled or rejected, every output sent and the consumer lag
   */
  public Relay(String name, String bootstrap, String group, Collection<String> topics, Step step,
      UnaryOperator<Map<TopicPartition, Long>> committable, StageObserver observer) {
    this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, name), new StringSerializer(),
        new ProtoSerializer<>());
    this.loop = new RecordLoop<>(name, KafkaSettings.consumer(bootstrap, name, group), new ByteArrayDeserializer(),
        topics, r -> step.apply(r).forEach(o -> {
          producer.send(new ProducerRecord<>(o.topic(), o.key(), o.value()));
          observer.published(o.topic());
        }), producer::flush, committable, observer);
  }

  /** A relay that commits every record once its outputs are on the broker. */
  public static Relay committingAll(String name, String bootstrap, String group, Collection<String> topics,
      Step step, StageObserver observer) {
    return new Relay(name, bootstrap, group, topics, step, UnaryOperator.identity(), observer);
  }

  /** Starts consuming. */
  public Relay start() {
    loop.start();
    return this;
  }

  /** Whether the stage is consuming. */
  public boolean isRunning() {
    return loop.isRunning();
  }

  /** Input records handled so far. */
  public long handled() {
    return loop.handled();
  }

  /** Input records rejected so far (bad input, logged with its position and reason). */
  public long rejected() {
    return loop.rejected();
  }

  @Override
  public void close() throws InterruptedException {
    loop.close();
    producer.close(Duration.ofSeconds(10));
  }
}
