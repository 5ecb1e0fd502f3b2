package io.horizon.core.kernel;

/**
 * A closed range [from, to] of lags, such as the lag window of the AC decay-rate fit (THEORY §7.4 AC variant).
 *
 * @param from first lag of the window, at least 1
 * @param to last lag of the window, at least {@code from}
 */
public record LagWindow(int from, int to) {

  public LagWindow {
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("lag window: need 1 <= from <= to, got [" + from + ", " + to + "]");
    }
  }

  /** True when {@code lag} lies in [from, to]. */
  public boolean contains(int lag) {
    return lag >= from && lag <= to;
  }
}
