package io.horizon.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * The JSON dialect of Horizon's files: compact, map keys sorted (so the same content gives the same bytes),
 * duplicate keys and text after the value rejected on reading.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Json() {}

  /** Compact text of a value made of maps, lists, strings, numbers, booleans and JSON nodes. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The tree of {@code text}; the error names {@code source} and the parser's complaint. */
  static JsonNode tree(String text, String source) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null) {
        throw new IllegalArgumentException(source + ": malformed JSON (empty)");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": malformed JSON (" + e.getOriginalMessage() + ")", e);
    }
  }

  /** A JSON object as a map of plain Java values (maps, lists, strings, numbers, booleans, null). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text, String source) {
    JsonNode node = tree(text, source);
    if (!node.isObject()) {
      throw new IllegalArgumentException(source + ": expected a JSON object, got " + node.getNodeType());
    }
    return MAPPER.convertValue(node, Map.class);
  }
}
