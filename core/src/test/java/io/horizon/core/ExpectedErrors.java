package io.horizon.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions on the messages of rejected input. */
public final class ExpectedErrors {
  private ExpectedErrors() {}

  /** Requires {@code action} to throw an {@link IllegalArgumentException} whose message holds every fragment. */
  public static IllegalArgumentException illegalArgument(Executable action, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action, String.join(" / ", fragments));
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
    }
    return e;
  }
}
