package io.horizon.cli.reproduce;

/** The automatic verdict on one claim of the papers. */
public enum Verdict {
  /** The results meet the claim's rule. */
  HOLDS("holds"),
  /** The results contradict the claim by the rule's margin. */
  DOES_NOT_HOLD("does not hold"),
  /** Within the rule's margin, or results are missing. */
  INCONCLUSIVE("inconclusive");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The verdict as the document writes it. */
  public String label() {
    return label;
  }
}
