package io.horizon.core.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A typed, path-aware reader of one object of a spec tree (a {@code Map} parsed from YAML or JSON). Every error is
 * an {@link IllegalArgumentException} that names the full path of the field, e.g. {@code task.lags[2]}. The reader
 * remembers which fields were read so that {@link #rejectUnread()} can reject unknown fields.
 */
public final class SpecNode {
  private final Map<String, Object> values;
  private final String path;
  private final Set<String> read = new LinkedHashSet<>();
  /** Every field a reader asked about, present or not: what an unknown-field error lists as accepted. */
  private final Set<String> accepted = new LinkedHashSet<>();

  private SpecNode(Map<String, Object> values, String path) {
    this.values = values;
    this.path = path;
  }

  /** The object at {@code path}; rejects anything that is not a map with string keys. */
  public static SpecNode of(Object node, String path) {
    if (!(node instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(path + ": must be an object, got " + describe(node));
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException(path + ": field names must be strings, got " + describe(e.getKey()));
      }
      copy.put(key, e.getValue());
    }
    return new SpecNode(copy, path);
  }

  /** The path of field {@code key}. */
  public String path(String key) {
    return path + "." + key;
  }

  /** True when the field is present (null values count as present). */
  public boolean has(String key) {
    accepted.add(key);
    return values.containsKey(key);
  }

  /** A required string field. */
  public String string(String key) {
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException(path(key) + ": required field is missing");
    }
    Object v = take(key);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException(path(key) + ": must be a string, got " + describe(v));
    }
    return s;
  }

  /** An optional integer field that must fit in an {@code int}. */
  public int integer(String key, int defaultValue) {
    if (!values.containsKey(key)) {
      read.add(key);
      return defaultValue;
    }
    return toInt(take(key), path(key));
  }

  /** An optional integer field (64 bit). */
  public long longInteger(String key, long defaultValue) {
    if (!values.containsKey(key)) {
      read.add(key);
      return defaultValue;
    }
    return toLong(take(key), path(key));
  }

  /** An optional boolean field. */
  public boolean bool(String key, boolean defaultValue) {
    if (!values.containsKey(key)) {
      read.add(key);
      return defaultValue;
    }
    Object v = take(key);
    if (!(v instanceof Boolean b)) {
      throw new IllegalArgumentException(path(key) + ": must be true or false, got " + describe(v));
    }
    return b;
  }

  /** An optional finite real field. */
  public double real(String key, double defaultValue) {
    if (!values.containsKey(key)) {
      read.add(key);
      return defaultValue;
    }
    return toFinite(take(key), path(key));
  }

  /** An optional list of integers. */
  public List<Integer> integers(String key, List<Integer> defaultValue) {
    if (!values.containsKey(key)) {
      read.add(key);
      return defaultValue;
    }
    List<?> list = toList(take(key), path(key));
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(toInt(list.get(i), path(key) + "[" + i + "]"));
    }
    return Collections.unmodifiableList(out);
  }

  /** An optional list of finite reals. */
  public List<Double> reals(String key, List<Double> defaultValue) {
    if (!values.containsKey(key)) {
      read.add(key);
      return defaultValue;
    }
    List<?> list = toList(take(key), path(key));
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(toFinite(list.get(i), path(key) + "[" + i + "]"));
    }
    return Collections.unmodifiableList(out);
  }

  /** An optional nested object, as a map (insertion order kept); the default when absent. */
  public Map<String, Object> object(String key, Map<String, Object> defaultValue) {
    if (!values.containsKey(key)) {
      read.add(key);
      return defaultValue;
    }
    return of(take(key), path(key)).values;
  }

  /** An optional nested object whose values are integers (empty when absent). */
  public Map<String, Long> integerMap(String key) {
    SpecNode child = of(values.containsKey(key) ? take(key) : Map.of(), path(key));
    Map<String, Long> out = new LinkedHashMap<>();
    child.values.forEach((k, v) -> out.put(k, toLong(v, child.path(k))));
    return out;
  }

  /** An optional nested object whose values are finite reals (empty when absent). */
  public Map<String, Double> realMap(String key) {
    SpecNode child = of(values.containsKey(key) ? take(key) : Map.of(), path(key));
    Map<String, Double> out = new LinkedHashMap<>();
    child.values.forEach((k, v) -> out.put(k, toFinite(v, child.path(k))));
    return out;
  }

  /** Rejects every field that no getter asked for, naming it and the accepted fields. */
  public void rejectUnread() {
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        Set<String> names = new LinkedHashSet<>(accepted);
        names.addAll(read);
        throw new IllegalArgumentException(path(key) + ": unknown field (accepted: " + String.join(", ", names) + ")");
      }
    }
  }

  /**
   * Runs a constructor whose validation messages start with a field name (for example {@code lags[2]: ...}) and
   * prefixes those messages with this object's path, so that they name the full path.
   */
  public <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + "." + e.getMessage(), e);
    }
  }

  private Object take(String key) {
    read.add(key);
    return values.get(key);
  }

  private static List<?> toList(Object v, String where) {
    if (!(v instanceof List<?> list)) {
      throw new IllegalArgumentException(where + ": must be a list, got " + describe(v));
    }
    return list;
  }

  private static long toLong(Object v, String where) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      double d = ((Number) v).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
        return (long) d;
      }
    }
    throw new IllegalArgumentException(where + ": must be an integer, got " + describe(v));
  }

  private static int toInt(Object v, String where) {
    long l = toLong(v, where);
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(where + ": must fit in 32 bits, got " + l);
    }
    return (int) l;
  }

  private static double toFinite(Object v, String where) {
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException(where + ": must be a number, got " + describe(v));
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(where + ": must be finite, got " + d);
    }
    return d;
  }

  private static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    if (v instanceof Map<?, ?>) {
      return "an object";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    return v.toString();
  }
}
