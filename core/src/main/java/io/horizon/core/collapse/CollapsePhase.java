package io.horizon.core.collapse;

/** The checkpoint phase of the AC "Table 1" rule (THEORY §11.3 item 7). */
public enum CollapsePhase {
  /** Power-law-window gate fails: exponential forgetting. */
  COLLAPSED("collapsed"),
  /** Extended envelope, but the CCDF tail fit is poor (R² &lt; 0.90) or missing. */
  ANTI_COLLAPSED_UNRESOLVED("anti-collapsed (unresolved beta)"),
  /** Extended envelope with β_lo &gt; 1. */
  CONCENTRATED("concentrated anti-collapse"),
  /** Extended envelope with β_hi &lt; 1. */
  BROAD("broad anti-collapse"),
  /** Extended envelope whose β interval contains 1 (soft classification). */
  BOUNDARY("boundary");

  private final String label;

  CollapsePhase(String label) {
    this.label = label;
  }

  /** Whether the phase is one of the anti-collapsed (extended) ones. */
  public boolean antiCollapsed() {
    return this != COLLAPSED;
  }

  @Override
  public String toString() {
    return label;
  }
}
