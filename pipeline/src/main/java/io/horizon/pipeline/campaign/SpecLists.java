package io.horizon.pipeline.campaign;

import io.horizon.core.io.SpecNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * List fields for which {@link SpecNode} has no getter (strings, 64-bit integers, objects). A list is turned into
 * an object whose field names are the element paths ({@code seeds[0]}, {@code seeds[1]}, ...), so SpecNode's typed
 * getters read the elements and name each one's full path in their errors.
 */
final class SpecLists {
  private SpecLists() {}

  /** {@code fields} with each of {@code keys} that is present replaced by its indexed object. */
  static Map<String, Object> indexed(Map<String, Object> fields, String path, String... keys) {
    Map<String, Object> out = new LinkedHashMap<>(fields);
    for (String key : keys) {
      if (out.containsKey(key)) {
        out.put(key, indexed(out.get(key), path + "." + key, key));
      }
    }
    return out;
  }

  private static Map<String, Object> indexed(Object value, String path, String key) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(path + ": must be a list, got "
          + (value instanceof Map<?, ?> ? "an object" : value == null ? "null" : "'" + value + "'"));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      out.put(key + "[" + i + "]", list.get(i));
    }
    return out;
  }
}
