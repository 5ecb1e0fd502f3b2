package io.horizon.pipeline.kafka;

import com.google.protobuf.MessageLite;
import io.horizon.proto.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One pipeline stage on Kafka: records in from a consumer group, a {@code core} computation, records out. Outputs
 * of a batch are flushed to the broker before the batch's offsets are committed, so a crash replays input rather
 * than losing output. A record larger than {@link RecordSizeLimit#PIPELINE} or one the computation rejects (bad
 * input) goes, as it was, to {@code horizon.dead-letters} with headers naming its topic, partition, offset, the
 * stage and the reason; the stage goes on.
 */
public final class Relay implements AutoCloseable {
  /** A record to publish. */
  public record Output(String topic, String key, MessageLite value) {}

  /** The stage's computation on one input record (value: protobuf bytes); throwing rejects the record. */
  @FunctionalInterface
  public interface Step {
    List<Output> apply(ConsumerRecord<String, byte[]> record) throws Exception;
  }

  /** Header names of a dead letter. */
  public static final String SOURCE_TOPIC = "horizon.source.topic";
  public static final String SOURCE_PARTITION = "horizon.source.partition";
  public static final String SOURCE_OFFSET = "horizon.source.offset";
  public static final String STAGE = "horizon.stage";
  public static final String REASON = "horizon.reason";

  private static final int MAX_REASON_CHARS = 2000;

  private final String name;
  private final KafkaProducer<String, byte[]> producer;
  private final RecordLoop<byte[]> loop;

  /**
   * @param committable maps each partition's next position to the offset that may be committed (identity: all)
   * @param observer hears of every input record handled or rejected, every output sent and the consumer lag
   */
  public Relay(String name, KafkaConnection connection, String group, Collection<String> topics, Step step,
      UnaryOperator<Map<TopicPartition, Long>> committable, StageObserver observer) {
    this.name = name;
    this.producer = new KafkaProducer<>(KafkaSettings.producer(connection, name), new StringSerializer(),
        new ByteArraySerializer());
    this.loop = new RecordLoop<>(name, KafkaSettings.consumer(connection, name, group), new ByteArrayDeserializer(),
        topics, r -> {
          RecordSizeLimit.PIPELINE.check(r);
          step.apply(r).forEach(o -> {
            producer.send(new ProducerRecord<>(o.topic(), o.key(), o.value().toByteArray()));
            observer.published(o.topic());
          });
        }, producer::flush, committable, observer, (r, reason) -> {
          producer.send(deadLetter(r, reason));
          observer.published(Topics.DEAD_LETTERS);
        });
  }

  private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> r, Exception reason) {
    String why = reason.getClass().getSimpleName() + ": " + reason.getMessage();
    RecordHeaders headers = new RecordHeaders();
    headers.add(SOURCE_TOPIC, bytes(r.topic()));
    headers.add(SOURCE_PARTITION, bytes(Integer.toString(r.partition())));
    headers.add(SOURCE_OFFSET, bytes(Long.toString(r.offset())));
    headers.add(STAGE, bytes(name));
    headers.add(REASON, bytes(why.length() > MAX_REASON_CHARS ? why.substring(0, MAX_REASON_CHARS) : why));
    return new ProducerRecord<>(Topics.DEAD_LETTERS, null, r.key(), r.value(), headers);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A relay that commits every record once its outputs are on the broker. */
  public static Relay committingAll(String name, KafkaConnection connection, String group, Collection<String> topics,
      Step step, StageObserver observer) {
    return new Relay(name, connection, group, topics, step, UnaryOperator.identity(), observer);
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

  /** Input records rejected so far (bad input: logged with its position and reason, sent to the dead letters). */
  public long rejected() {
    return loop.rejected();
  }

  @Override
  public void close() throws InterruptedException {
    loop.close();
    producer.close(Duration.ofSeconds(10));
  }
}
