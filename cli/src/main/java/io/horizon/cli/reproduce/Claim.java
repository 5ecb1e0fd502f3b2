package io.horizon.cli.reproduce;

import java.util.Map;

/**
 * One qualitative finding of a paper, the preset whose results test it, and the rule that judges it.
 *
 * @param id short label, e.g. {@code LW-ii}
 * @param source where the finding is stated (THEORY.md section, paper section)
 * @param statement the finding in words
 * @param preset the preset whose results are judged
 * @param rule the verdict rule ({@link VerdictRules})
 */
public record Claim(String id, String source, String statement, String preset, Rule rule) {

  /** A verdict rule on one preset's results. */
  @FunctionalInterface
  public interface Rule {
    /** Judges {@code results}. */
    Assessment assess(PresetResults results);
  }

  /** Judges the claim on {@code results} (by preset name); inconclusive when its preset has no results. */
  public Assessment assess(Map<String, PresetResults> results) {
    PresetResults r = results.get(preset);
    if (r == null) {
      return new Assessment(Verdict.INCONCLUSIVE, "no results of preset " + preset);
    }
    return rule.assess(r);
  }
}
