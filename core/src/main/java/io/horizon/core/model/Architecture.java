package io.horizon.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The five gated recurrent architectures of THEORY.md §2 (names as used on the command line and in files). */
public enum Architecture {
  /** ConstGate, THEORY §2.2: fixed scalar gate {@code s}. */
  CONST("const"),
  /** SharedGate, THEORY §2.3: one learned scalar gate per step. */
  SHARED("shared"),
  /** DiagGate, THEORY §2.4: per-neuron learned gate. */
  DIAG("diag"),
  /** GRU, THEORY §2.6. */
  GRU("gru"),
  /** LSTM, THEORY §2.5. */
  LSTM("lstm");

  private final String id;

  Architecture(String id) {
    this.id = id;
  }

  /** The short name used in specs, file names and the CLI. */
  public String id() {
    return id;
  }

  /** Parses a short name; the error lists the accepted values. */
  public static Architecture parse(String name) {
    for (Architecture a : values()) {
      if (a.id.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown architecture '" + name + "' (expected one of "
            + Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return id;
  }
}
