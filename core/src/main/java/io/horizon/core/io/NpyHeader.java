package io.horizon.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a NumPy {@code .npy} file: the Python dict literal {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (N, T, D), }} of the NPY format specification (versions 1.0–3.0), parsed and written.
 *
 * @param descr the dtype string, e.g. {@code <f4}
 * @param fortranOrder true for column-major data
 * @param shape the array shape ({@code []} for a scalar)
 */
public record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

  private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

  /** Number of elements (the product of the shape); rejects products beyond a Java array. */
  public int elementCount(String source) {
    long n = 1;
    for (int d : shape) {
      n *= d;
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(source + ": shape " + Arrays.toString(shape) + " is too large");
      }
    }
    return (int) n;
  }

  /** The dict literal as NumPy writes it (keys sorted, trailing {@code ", "} before the closing brace). */
  public String format() {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      s.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    s.append(shape.length == 1 ? ",)" : ")");
    return "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False") + ", 'shape': " + s
        + ", }";
  }

  /** Parses the dict literal; the error names {@code source} and what is wrong. */
  public static NpyHeader parse(String text, String source) {
    Map<String, Object> dict = new LiteralParser(text, source).dict();
    if (!dict.keySet().equals(KEYS)) {
      throw new IllegalArgumentException(source + ": header must hold exactly the keys " + KEYS + ", got "
          + dict.keySet());
    }
    if (!(dict.get("descr") instanceof String descr)) {
      throw new IllegalArgumentException(source + ": header 'descr' must be a string, got " + dict.get("descr"));
    }
    if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
      throw new IllegalArgumentException(
          source + ": header 'fortran_order' must be True or False, got " + dict.get("fortran_order"));
    }
    if (!(dict.get("shape") instanceof List<?> dims)) {
      throw new IllegalArgumentException(source + ": header 'shape' must be a tuple, got " + dict.get("shape"));
    }
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      if (!(dims.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            source + ": header 'shape' must hold non-negative integers, got " + dims);
      }
      shape[i] = (int) (long) d;
    }
    return new NpyHeader(descr, fortran, shape);
  }

  /** A recursive-descent parser for the subset of Python literals that NPY headers use. */
  private static final class LiteralParser {
    private final String text;
    private final String source;
    private int pos;

    LiteralParser(String text, String source) {
      this.text = text;
      this.source = source;
    }

    Map<String, Object> dict() {
      expect('{');
      Map<String, Object> out = new LinkedHashMap<>();
      while (peek() != '}') {
        Object key = value();
        if (!(key instanceof String k)) {
          throw error("dict keys must be strings");
        }
        expect(':');
        if (out.put(k, value()) != null) {
          throw error("duplicate key '" + k + "'");
        }
        if (peek() == ',') {
          pos++;
        } else if (peek() != '}') {
          throw error("expected ',' or '}'");
        }
      }
      pos++;
      if (peek() != 0) {
        throw error("unexpected text after the dict");
      }
      return out;
    }

    private Object value() {
      char c = peek();
      if (c == '\'' || c == '"') {
        int end = text.indexOf(c, pos + 1);
        if (end < 0) {
          throw error("unterminated string");
        }
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
      }
      if (c == '(') {
        pos++;
        List<Object> items = new ArrayList<>();
        while (peek() != ')') {
          items.add(value());
          if (peek() == ',') {
            pos++;
          } else if (peek() != ')') {
            throw error("expected ',' or ')'");
          }
        }
        pos++;
        return items;
      }
      int start = pos;
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      String word = text.substring(start, pos);
      if (word.equals("True") || word.equals("False")) {
        return word.equals("True");
      }
      if (!word.isEmpty() && word.chars().allMatch(Character::isDigit) && word.length() < 19) {
        return Long.parseLong(word);
      }
      throw error("unsupported value '" + (word.isEmpty() ? String.valueOf(c) : word) + "'");
    }

    /** The next non-blank character (0 at the end), without consuming it. */
    private char peek() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(source + ": malformed header at character " + pos + " (" + what + "): "
          + text.strip());
    }
  }
}
