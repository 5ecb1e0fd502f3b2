package io.horizon.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stage times survive a write and a read with every stage name reproduce uses, in order; commas are refused. */
class StageTimesTest {
  @TempDir Path dir;

  @Test
  void everyStageOfReproduceRoundTripsInOrder() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    seconds.put(StageTimes.STACK_UP, 72.25);
    seconds.put(StageTimes.TRAINING, 293.875);
    seconds.put(StageTimes.REMAINING_REPORTS, 0.5);
    seconds.put(StageTimes.REPORTING, 3.5);
    seconds.put("paper-lw-cpu", 301.25);
    seconds.put(StageTimes.TOTAL, 377.625);
    new StageTimes(seconds).write(dir);
    StageTimes read = StageTimes.read(dir).orElseThrow();
    assertEquals(seconds, read.seconds());
    assertEquals(seconds.keySet().stream().toList(), read.seconds().keySet().stream().toList());
  }

  @Test
  void aDirectoryWithoutTheFileHasNoTimesAndACommaInANameIsRefused() {
    assertTrue(StageTimes.read(dir).isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StageTimes(Map.of("a, b", 1.0)));
    assertTrue(e.getMessage().startsWith("stages: 'a, b' holds a comma"), e.getMessage());
  }
}
