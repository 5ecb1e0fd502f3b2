package io.horizon.cli.campaign;

import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.KafkaSettings;
import io.horizon.pipeline.kafka.ProtoDeserializer;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.LearnabilityReport;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reports read straight from the {@code horizon.learnability} topic (every partition, from the start, no consumer
 * group), for a stack whose broker is reachable but whose aggregator is not.
 */
public final class KafkaReportFeed extends ReportFeed {
  private final KafkaConsumer<String, LearnabilityReport> consumer;
  private final Thread reader;

  /** Starts reading the reports of {@code campaign} from the broker of {@code connection}. */
  public KafkaReportFeed(KafkaConnection connection, String campaign, Consumer<LearnabilityReport> sink) {
    super(sink);
    consumer = new KafkaConsumer<>(KafkaSettings.consumer(connection, "horizon-cli", null), new StringDeserializer(),
        new ProtoDeserializer<>(LearnabilityReport.parser(), LearnabilityReport.class));
    reader = new Thread(() -> read(campaign), "report reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(String campaign) {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.LEARNABILITY, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(Topics.LEARNABILITY, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (true) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> {
          if (r.value().getCampaign().equals(campaign)) {
            arrived(r.value());
          }
        });
      }
    } catch (WakeupException stopped) {
      ended(null);
    } catch (RuntimeException e) {
      ended(e);
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    consumer.wakeup();
  }
}
