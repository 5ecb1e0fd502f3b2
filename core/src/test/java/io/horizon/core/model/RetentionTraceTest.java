package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.horizon.core.random.Rng;
import org.junit.jupiter.api.Test;

/** The vector pass {@link RetentionTrace#clampedLogInPlace} against the scalar {@link RetentionTrace#clampedLog}. */
class RetentionTraceTest {
  @Test
  void vectorPassEqualsTheScalarClampedLogIncludingClampsAndTail() {
    Rng rng = new Rng(9);
    double[] values = new double[1003];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (i % 7) {
        case 0 -> 0.0;
        case 1 -> 1e-300;
        case 2 -> 1.5;
        case 3 -> 1.0;
        default -> Math.exp(rng.uniform(-30, 0));
      };
    }
    double[] logs = values.clone();
    RetentionTrace.clampedLogInPlace(logs);
    for (int i = 0; i < values.length; i++) {
      double expected = RetentionTrace.clampedLog(values[i]);
      assertEquals(expected, logs[i], 1e-15 * Math.max(1, Math.abs(expected)), "log of " + values[i]);
    }
    assertEquals(0.0, logs[3]);
    assertEquals(Math.log(RetentionTrace.MIN_RETENTION), logs[0], 1e-14);
  }
}
