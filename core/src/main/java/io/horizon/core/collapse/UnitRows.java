package io.horizon.core.collapse;

/** Flat positions of whole rows of a row-major [units × rowLength] parameter block (the slow units' rows). */
public final class UnitRows {
  private UnitRows() {}

  /** Positions offset + q·rowLength + j for each unit q of {@code units} and j &lt; rowLength. */
  public static int[] entries(int[] units, int rowLength, int offset) {
    if (rowLength < 1) {
      throw new IllegalArgumentException("row-length: must be at least 1, got " + rowLength);
    }
    int[] out = new int[units.length * rowLength];
    for (int u = 0; u < units.length; u++) {
      for (int j = 0; j < rowLength; j++) {
        out[u * rowLength + j] = offset + units[u] * rowLength + j;
      }
    }
    return out;
  }
}
