package io.horizon.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One qualitative finding of a paper, the presets whose results test it, and the rule that judges it.
 *
 * @param id short label, e.g. {@code LW-ii}
 * @param source where the finding is stated (THEORY.md section, paper section)
 * @param statement the finding in words
 * @param presets the presets whose results are judged, the principal one first
 * @param rule the verdict rule, given the results of {@code presets} in that order
 */
public record Claim(String id, String source, String statement, List<String> presets, CrossRule rule) {

  /** A verdict rule on one preset's results. */
  @FunctionalInterface
  public interface Rule {
    /** Judges {@code results}. */
    Assessment assess(PresetResults results);
  }

  /** A verdict rule that compares several presets' results. */
  @FunctionalInterface
  public interface CrossRule {
    /** Judges {@code results}, one per preset of the claim, in its order. */
    Assessment assess(List<PresetResults> results);
  }

  /** A claim judged on the results of one preset. */
  public Claim(String id, String source, String statement, String preset, Rule rule) {
    this(id, source, statement, List.of(preset), results -> rule.assess(results.get(0)));
  }

  /** The principal preset. */
  public String preset() {
    return presets.get(0);
  }

  /** Judges the claim on {@code results} (by preset name); inconclusive when one of its presets has no results. */
  public Assessment assess(Map<String, PresetResults> results) {
    List<PresetResults> mine = new ArrayList<>();
    for (String preset : presets) {
      PresetResults r = results.get(preset);
      if (r == null) {
        return new Assessment(Verdict.INCONCLUSIVE, "no results of preset " + preset);
      }
      mine.add(r);
    }
    return rule.assess(mine);
  }
}
