package io.horizon.core.collapse;

import java.util.OptionalInt;

/**
 * The threshold crossing t_cross over checkpoints (THEORY §11.3 item 8): the first checkpoint from which the phase
 * is anti-collapsed at {@link #CONSECUTIVE} consecutive checkpoints. Left-censored when that run starts at the
 * first checkpoint (the crossing happened at or before it); right-censored when no such run occurs (the crossing,
 * if any, lies after the last checkpoint).
 *
 * @param epoch t_cross, the epoch of the first checkpoint of the run; empty when right-censored
 * @param leftCensored whether the run starts at the first checkpoint
 * @param rightCensored whether no run occurs
 */
public record ThresholdCrossing(OptionalInt epoch, boolean leftCensored, boolean rightCensored) {
  /** Consecutive anti-collapsed checkpoints that make a crossing. */
  public static final int CONSECUTIVE = 2;

  /** t_cross over checkpoints at strictly increasing {@code epochs} with their {@code phases}. */
  public static ThresholdCrossing of(int[] epochs, CollapsePhase[] phases) {
    if (epochs.length != phases.length) {
      throw new IllegalArgumentException("phases: has " + phases.length + " entries for " + epochs.length
          + " checkpoints");
    }
    for (int i = 1; i < epochs.length; i++) {
      if (epochs[i] <= epochs[i - 1]) {
        throw new IllegalArgumentException("epochs: [" + i + "] = " + epochs[i] + " does not follow "
            + epochs[i - 1]);
      }
    }
    int streak = 0;
    for (int i = 0; i < phases.length; i++) {
      streak = phases[i].antiCollapsed() ? streak + 1 : 0;
      if (streak == CONSECUTIVE) {
        int start = i - CONSECUTIVE + 1;
        return new ThresholdCrossing(OptionalInt.of(epochs[start]), start == 0, false);
      }
    }
    return new ThresholdCrossing(OptionalInt.empty(), false, true);
  }
}
