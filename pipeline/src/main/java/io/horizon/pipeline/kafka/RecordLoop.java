package io.horizon.pipeline.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer group member on its own thread: polls, hands each record to a handler, then commits. A record the
 * handler rejects (bad input) is logged with topic, partition, offset and reason, counted, handed to the
 * dead-letter sink and skipped; it also stays on its topic. A {@link StageObserver} hears of every record handled or rejected and of the consumer lag after
 * each poll. By default every polled record is committed; a stage that holds state across records (the
 * estimator) narrows the offsets to commit so that a restart replays what is not yet published.
 */
public final class RecordLoop<V> implements AutoCloseable {
  /** Handles one record; throwing rejects it. */
  @FunctionalInterface
  public interface Handler<V> {
    void handle(ConsumerRecord<String, V> record) throws Exception;
  }

  /** Receives each rejected record with the reason. */
  @FunctionalInterface
  public interface DeadLetters<V> {
    void reject(ConsumerRecord<String, V> record, Exception reason);
  }

  private static final Logger LOG = Logger.getLogger(RecordLoop.class.getName());

  private final String name;
  private final KafkaConsumer<String, V> consumer;
  private final Collection<String> topics;
  private final Handler<V> handler;
  private final Runnable afterBatch;
  private final UnaryOperator<Map<TopicPartition, Long>> committable;
  private final StageObserver observer;
  private final DeadLetters<V> deadLetters;
  private final Map<TopicPartition, Long> lastCommit = new HashMap<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final Thread thread;
  private volatile String lastError = "";

  /**
   * @param afterBatch runs after each batch's records and before the commit (for example a producer flush)
   * @param committable maps each assigned partition's next position to the offset that may be committed
   * @param observer hears of every record handled or rejected and of the consumer lag
   * @param deadLetters receives every record the handler rejects
   */
  public RecordLoop(String name, Properties consumerSettings, Deserializer<V> values, Collection<String> topics,
      Handler<V> handler, Runnable afterBatch, UnaryOperator<Map<TopicPartition, Long>> committable,
      StageObserver observer, DeadLetters<V> deadLetters) {
    this.name = name;
    this.consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), values);
    this.topics = topics;
    this.handler = handler;
    this.afterBatch = afterBatch;
    this.committable = committable;
    this.observer = observer;
    this.deadLetters = deadLetters;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /** Starts polling. */
  public void start() {
    running.set(true);
    thread.start();
  }

  private void run() {
    topics.forEach(observer::subscribed);
    consumer.subscribe(topics);
    try {
      while (running.get()) {
        ConsumerRecords<String, V> records;
        try {
          records = consumer.poll(Duration.ofMillis(200));
        } catch (RecordDeserializationException e) {
          reject(e.topicPartition().topic(), e.topicPartition().partition(), e.offset(), e);
          consumer.seek(e.topicPartition(), e.offset() + 1);
          continue;
        }
        reportPartitions();
        for (ConsumerRecord<String, V> r : records) {
          try {
            long began = System.nanoTime();
            handler.handle(r);
            observer.handled(r.topic(), System.nanoTime() - began);
            handled.incrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          } catch (Exception e) {
            reject(r.topic(), r.partition(), r.offset(), e);
            deadLetters.reject(r, e);
          }
        }
        afterBatch.run();
        commit();
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Tells the observer, per subscribed topic, how many partitions this consumer holds and its lag: the records
   * between position and end, over those partitions.
   */
  private void reportPartitions() {
    Map<String, Long> lag = new HashMap<>();
    Map<String, Integer> held = new HashMap<>();
    topics.forEach(t -> {
      lag.put(t, 0L);
      held.put(t, 0);
    });
    for (TopicPartition p : consumer.assignment()) {
      held.merge(p.topic(), 1, Integer::sum);
      consumer.currentLag(p).ifPresent(records -> lag.merge(p.topic(), records, Long::sum));
    }
    lag.forEach(observer::lag);
    held.forEach(observer::assigned);
  }

  private void commit() {
    Map<TopicPartition, Long> positions = new HashMap<>();
    for (TopicPartition p : consumer.assignment()) {
      positions.put(p, consumer.position(p));
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    committable.apply(positions).forEach((p, offset) -> {
      if (!offset.equals(lastCommit.get(p))) {
        offsets.put(p, new OffsetAndMetadata(offset));
      }
    });
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets);
      offsets.forEach((p, o) -> lastCommit.put(p, o.offset()));
    }
  }

  private void reject(String topic, int partition, long offset, Exception e) {
    rejected.incrementAndGet();
    observer.rejected(topic);
    lastError = topic + "[" + partition + "]@" + offset + ": " + e.getMessage();
    LOG.log(Level.WARNING, name + ": rejected " + lastError, e);
  }

  /** Whether the loop is polling. */
  public boolean isRunning() {
    return running.get() && thread.isAlive();
  }

  /** Records handled so far. */
  public long handled() {
    return handled.get();
  }

  /** Records rejected so far. */
  public long rejected() {
    return rejected.get();
  }

  /** Where and why the last record was rejected; empty when none was. */
  public String lastError() {
    return lastError;
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    consumer.wakeup();
    thread.join(10_000);
  }
}
