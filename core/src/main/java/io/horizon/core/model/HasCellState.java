package io.horizon.core.model;

/** A trajectory that also carries a cell state (LSTM): {@code c[(b*T + t)*H + q]}. */
public interface HasCellState {
  double[] cell();
}
