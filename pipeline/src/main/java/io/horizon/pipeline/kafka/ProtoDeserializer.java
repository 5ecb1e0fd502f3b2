package io.horizon.pipeline.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer of one {@code horizon.v1} message type; bad bytes fail naming the topic and type. */
public final class ProtoDeserializer<T extends MessageLite> implements Deserializer<T> {
  private final Parser<T> parser;
  private final String type;

  public ProtoDeserializer(Parser<T> parser, Class<T> type) {
    this.parser = parser;
    this.type = type.getSimpleName();
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return parser.parseFrom(data);
    } catch (InvalidProtocolBufferException e) {
      throw new SerializationException(topic + ": record is not a valid " + type + ": " + e.getMessage(), e);
    }
  }
}
