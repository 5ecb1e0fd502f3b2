package io.horizon.core.stable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Named numeric tables of a generated text resource (the tables of THEORY §7.1): a line {@code [name]} opens a
 * section, every following line is one row of whitespace-separated numbers, {@code #} starts a comment.
 */
final class NumericSections {
  private final String resource;
  private final Map<String, double[][]> sections;

  private NumericSections(String resource, Map<String, double[][]> sections) {
    this.resource = resource;
    this.sections = sections;
  }

  /** Reads the class-path resource {@code resource} (an absolute name such as {@code /stable/x.txt}). */
  static NumericSections read(String resource) {
    try (InputStream in = NumericSections.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(resource + ": resource not found on the class path");
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException(resource + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** Parses {@code text}; {@code resource} names the source in error messages. */
  static NumericSections parse(String resource, String text) {
    Map<String, List<double[]>> rows = new HashMap<>();
    List<double[]> current = null;
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int comment = line.indexOf('#');
      if (comment >= 0) {
        line = line.substring(0, comment).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current = new ArrayList<>();
        if (rows.put(line.substring(1, line.length() - 1), current) != null) {
          throw new IllegalArgumentException(resource + ": section " + line + " appears twice");
        }
      } else if (current == null) {
        throw new IllegalArgumentException(resource + ": line " + (i + 1) + " precedes the first [section]");
      } else {
        current.add(numbers(resource, i + 1, line));
      }
    }
    Map<String, double[][]> sections = new HashMap<>();
    rows.forEach((name, list) -> sections.put(name, list.toArray(new double[0][])));
    return new NumericSections(resource, sections);
  }

  private static double[] numbers(String resource, int lineNumber, String line) {
    String[] fields = line.split("\\s+");
    double[] out = new double[fields.length];
    for (int j = 0; j < fields.length; j++) {
      try {
        out[j] = Double.parseDouble(fields[j]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(resource + ": line " + lineNumber + ": '" + fields[j] + "' is not a number");
      }
      if (!Double.isFinite(out[j])) {
        throw new IllegalArgumentException(resource + ": line " + lineNumber + ": value " + fields[j] + " is not finite");
      }
    }
    return out;
  }

  /** Section {@code name} as rows of exactly {@code columns} numbers. */
  double[][] table(String name, int columns) {
    double[][] rows = sections.get(name);
    if (rows == null || rows.length == 0) {
      throw new IllegalArgumentException(resource + ": section [" + name + "] is missing or empty");
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != columns) {
        throw new IllegalArgumentException(resource + ": section [" + name + "] row " + (i + 1) + " has "
            + rows[i].length + " values, expected " + columns);
      }
    }
    return rows;
  }

  /** Section {@code name} as exactly {@code rowCount} rows of {@code columns} numbers. */
  double[][] table(String name, int rowCount, int columns) {
    double[][] rows = table(name, columns);
    if (rows.length != rowCount) {
      throw new IllegalArgumentException(resource + ": section [" + name + "] has " + rows.length + " rows, expected "
          + rowCount);
    }
    return rows;
  }

  /** Section {@code name} holding a single row (an axis). */
  double[] axis(String name) {
    double[][] rows = sections.get(name);
    if (rows == null || rows.length != 1) {
      throw new IllegalArgumentException(resource + ": section [" + name + "] must hold exactly one row");
    }
    return rows[0];
  }

  /** Column {@code column} of every row of section {@code name}, each row holding {@code columns} numbers. */
  double[] column(String name, int column, int columns) {
    double[][] rows = table(name, columns);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i][column];
    }
    return out;
  }

  /** Fails unless {@code values} strictly increase; {@code what} names them in the message. */
  void requireIncreasing(String what, double[] values) {
    for (int i = 1; i < values.length; i++) {
      if (!(values[i] > values[i - 1])) {
        throw new IllegalArgumentException(resource + ": " + what + " must strictly increase, but entry " + i + " is "
            + values[i] + " after " + values[i - 1]);
      }
    }
  }
}
