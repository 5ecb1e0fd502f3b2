package io.horizon.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftBrokerTest {

  private static final String TOPIC = "horizon.broker-test";
  private static final Duration POLL_LIMIT = Duration.ofSeconds(30);
  private static final String UNKNOWN_TOPIC = "horizon.never-created";
  private static final Duration UNKNOWN_TOPIC_WAIT = Duration.ofSeconds(2);

  @TempDir
  Path dataDir;

  @Test
  void clusterIdsNeverStartWithADashAndDecodeToSixteenBytes() {
    for (int i = 0; i < 2000; i++) {
      String id = KraftBroker.randomClusterId();
      assertFalse(id.startsWith("-"), id);
      assertEquals(16, java.util.Base64.getUrlDecoder().decode(id).length, id);
    }
  }

  @Test
  void clientOfTheServicesVersionCreatesProducesAndConsumesThenCloseEndsTheProcess() throws Exception {
    assertEquals(System.getProperty("horizon.test.kafka-clients.version"), AppInfoParser.getVersion(),
        "the test must talk to the broker with the services' client version");
    byte[] small = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] largest = new byte[KraftBroker.MAX_RECORD_BYTES];
    new Random(7).nextBytes(largest);

    long pid;
    try (KraftBroker broker = KraftBroker.start(dataDir)) {
      pid = broker.pid();
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        assertTrue(admin.listTopics().names().get().contains(TOPIC));
      }
      produce(broker.bootstrapServers(), List.of(small, largest));
      assertUnknownTopicIsNotCreated(broker.bootstrapServers());
      List<byte[]> values = consume(broker.bootstrapServers(), 2);
      assertArrayEquals(small, values.get(0));
      assertArrayEquals(largest, values.get(1));
    }

    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "broker process still running");
    assertTrue(Files.isRegularFile(dataDir.resolve("server.properties")), "close must keep the data directory");
    assertTrue(Files.size(dataDir.resolve("broker.log")) > 0, "the broker logs to its data directory");
  }

  @Test
  void restartKeepsTheAddressTheTopicsAndTheRecords() throws Exception {
    byte[] before = "before the restart".getBytes(StandardCharsets.UTF_8);
    byte[] after = "after the restart".getBytes(StandardCharsets.UTF_8);
    KraftBroker first = KraftBroker.start(dataDir);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    }
    produce(first.bootstrapServers(), List.of(before));
    try (KraftBroker second = first.restart()) {
      assertFalse(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false), "old process stopped");
      assertEquals(first.bootstrapServers(), second.bootstrapServers(), "same address");
      produce(second.bootstrapServers(), List.of(after));
      List<byte[]> values = consume(second.bootstrapServers(), 2);
      assertArrayEquals(before, values.get(0));
      assertArrayEquals(after, values.get(1));
    }
  }

  @Test
  void missingKafkaLibIsReportedWithTheBuildCommand() {
    Path missing = dataDir.resolve("no-such-kafka-lib");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> KraftBroker.start(dataDir, missing));
    assertTrue(error.getMessage().startsWith("kafkaLib: no Kafka broker jars"), error.getMessage());
    assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
    assertTrue(error.getMessage().contains("./mvnw -pl broker package"), error.getMessage());
  }

  private static void produce(String bootstrapServers, List<byte[]> values) throws Exception {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * KraftBroker.MAX_RECORD_BYTES,
        ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[] value : values) {
        producer.send(new ProducerRecord<>(TOPIC, value)).get();
      }
    }
  }

  private static void assertUnknownTopicIsNotCreated(String bootstrapServers) throws Exception {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) UNKNOWN_TOPIC_WAIT.toMillis());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      assertThrows(Exception.class, () -> producer.send(new ProducerRecord<>(UNKNOWN_TOPIC, new byte[1])).get());
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      assertFalse(admin.listTopics().names().get().contains(UNKNOWN_TOPIC), "topics must not be auto-created");
    }
  }

  private static List<byte[]> consume(String bootstrapServers, int count) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<byte[]> values = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(TOPIC, 0);
      consumer.assign(Set.of(partition));
      consumer.seekToBeginning(Set.of(partition));
      long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
      while (values.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    assertEquals(count, values.size(), "records read back");
    return values;
  }
}
