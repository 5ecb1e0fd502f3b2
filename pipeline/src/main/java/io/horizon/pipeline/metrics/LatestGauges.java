package io.horizon.pipeline.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauges that show the value last set for their name and labels: registered on first use, overwritten afterwards.
 * Their number is bounded when the label values are (campaign, architecture, optimizer, lag grid, budget grid).
 */
public final class LatestGauges {
  /** A gauge's name, help text and base unit (null: none). */
  public record Name(String name, String description, String baseUnit) {
    /** A gauge without a base unit. */
    public Name(String name, String description) {
      this(name, description, null);
    }
  }

  private record Key(String name, Tags tags) {}

  /** Holds one gauge's current value. */
  private static final class Cell {
    private volatile double value;
  }

  private final MeterRegistry registry;
  private final Map<Key, Cell> cells = new ConcurrentHashMap<>();

  public LatestGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Sets the gauge {@code name} with {@code tags} to {@code value}. */
  public void set(Name name, Tags tags, double value) {
    cells.computeIfAbsent(new Key(name.name(), tags), k -> {
      Cell cell = new Cell();
      Gauge.builder(name.name(), cell, c -> c.value).description(name.description()).baseUnit(name.baseUnit())
          .tags(tags).register(registry);
      return cell;
    }).value = value;
  }
}
