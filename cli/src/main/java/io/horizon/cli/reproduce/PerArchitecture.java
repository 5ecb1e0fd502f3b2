package io.horizon.cli.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * What the studies' summaries and verdict rules share: medians over seeds, the most frequent label, and judging a
 * claim architecture by architecture.
 */
final class PerArchitecture {
  private PerArchitecture() {}

  /**
   * The claim's rule applied to each named architecture's summary: holds when every part holds, does not hold when
   * any does not; an architecture without a summary is inconclusive.
   */
  static <S> Assessment each(String preset, Map<String, S> summaries, String[] architectures,
      Function<S, Assessment> rule) {
    List<Assessment> parts = new ArrayList<>();
    for (String name : architectures) {
      S summary = summaries.get(name);
      parts.add(summary == null ? missing(preset, name) : rule.apply(summary));
    }
    return Assessment.all(parts);
  }

  /** The inconclusive part of an architecture the preset has no report of. */
  static Assessment missing(String preset, String architecture) {
    return new Assessment(Verdict.INCONCLUSIVE, architecture + ": no report in " + preset);
  }

  /** Median of {@code value} over {@code items}, NaN values left out. */
  static <T> double median(List<T> items, ToDoubleFunction<T> value) {
    return median(items.stream().mapToDouble(value).toArray());
  }

  /** Median of the non-NaN values; NaN when there are none. */
  static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int h = v.length / 2;
    return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
  }

  /** The most frequent value, the first in {@code values} on ties; empty for no values. */
  static String mostFrequent(List<String> values) {
    Map<String, Long> counts = values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return values.stream().max(Comparator.comparingLong(counts::get)).orElse("");
  }
}
