package io.horizon.pipeline.kafka;

import com.google.protobuf.MessageLite;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer of {@code horizon.v1} messages: their protobuf wire bytes. */
public final class ProtoSerializer<T extends MessageLite> implements Serializer<T> {
  @Override
  public byte[] serialize(String topic, T message) {
    return message == null ? null : message.toByteArray();
  }
}
