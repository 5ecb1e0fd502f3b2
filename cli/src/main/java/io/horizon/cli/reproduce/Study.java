package io.horizon.cli.reproduce;

import java.util.List;

/**
 * One study of the results document: the presets it runs, the claims it judges and the tables it draws from each
 * preset's results. The learnability-window study is {@link LearnabilityWindowStudy}; the companion studies
 * (time-scale coupling, anti-collapse) add one implementation each.
 */
public interface Study {
  /** The study's heading in the document. */
  String title();

  /** The presets the study runs, in order. */
  List<String> presets();

  /** The claims the study judges. */
  List<Claim> claims();

  /** The Markdown tables of one preset's results. */
  String tables(PresetResults results);
}
