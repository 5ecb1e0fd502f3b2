package io.horizon.cli.reproduce;

import java.util.List;

/**
 * One study of the results document: the presets it runs, the claims it judges, the rules and thresholds those
 * claims use, and the tables it draws from each preset's results. The studies are {@link LearnabilityWindowStudy},
 * {@link TimeScaleCouplingStudy} and {@link AntiCollapseStudy}.
 */
public interface Study {
  /** The study's heading in the document. */
  String title();

  /** The presets the study runs, in order. */
  List<String> presets();

  /** The claims the study judges. */
  List<Claim> claims();

  /** The thresholds of the study's verdict rules in words with their values, as the document lists them. */
  List<String> rules();

  /** The Markdown tables of one preset's results. */
  String tables(PresetResults results);
}
