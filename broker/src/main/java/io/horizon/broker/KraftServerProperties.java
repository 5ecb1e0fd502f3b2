package io.horizon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The server.properties of a single-node KRaft broker that is its own controller, listening on loopback only. */
final class KraftServerProperties {

  /** Room above the largest record for the record batch and record headers. */
  private static final int BATCH_OVERHEAD_BYTES = 64 * 1024;
  private static final String LOOPBACK = "127.0.0.1";

  private KraftServerProperties() {}

  /** Returns the settings for a broker on {@code brokerPort}, controller on {@code controllerPort}, data in {@code logDir}. */
  static Properties of(int brokerPort, int controllerPort, Path logDir) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@" + LOOPBACK + ":" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort + ",CONTROLLER://" + LOOPBACK + ":"
        + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    p.setProperty("message.max.bytes", Integer.toString(KraftBroker.MAX_RECORD_BYTES + BATCH_OVERHEAD_BYTES));
    return p;
  }

  /** Writes {@code properties} to {@code file}. */
  static void write(Properties properties, Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, "single-node KRaft broker written by Horizon");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
