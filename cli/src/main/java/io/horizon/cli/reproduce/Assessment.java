package io.horizon.cli.reproduce;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A verdict with the numbers that decided it.
 *
 * @param verdict the verdict
 * @param evidence the measured values and thresholds, in words
 */
public record Assessment(Verdict verdict, String evidence) {

  /**
   * Several parts of one claim together: it holds when every part holds, does not hold when any part does not, and
   * is inconclusive otherwise; the evidence lists every part.
   */
  public static Assessment all(List<Assessment> parts) {
    Verdict v = Verdict.HOLDS;
    for (Assessment p : parts) {
      if (p.verdict() == Verdict.DOES_NOT_HOLD) {
        v = Verdict.DOES_NOT_HOLD;
      } else if (p.verdict() == Verdict.INCONCLUSIVE && v == Verdict.HOLDS) {
        v = Verdict.INCONCLUSIVE;
      }
    }
    return new Assessment(v, parts.stream().map(Assessment::evidence).collect(Collectors.joining("; ")));
  }

  /** The verdict on the opposite claim, from the same evidence. */
  public Assessment negated() {
    return new Assessment(switch (verdict) {
      case HOLDS -> Verdict.DOES_NOT_HOLD;
      case DOES_NOT_HOLD -> Verdict.HOLDS;
      case INCONCLUSIVE -> Verdict.INCONCLUSIVE;
    }, evidence);
  }
}
