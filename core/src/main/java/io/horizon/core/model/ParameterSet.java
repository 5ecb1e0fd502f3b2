package io.horizon.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ordered set of named tensors: a model's parameters, their gradients, an optimizer state or a projection
 * direction. Names and shapes follow the PyTorch module layout of the checkpoint files.
 */
public final class ParameterSet {
  private final Map<String, Tensor> tensors = new LinkedHashMap<>();

  public ParameterSet() {}

  public ParameterSet(List<Tensor> tensors) {
    tensors.forEach(this::put);
  }

  public void put(Tensor tensor) {
    tensors.put(tensor.name(), tensor);
  }

  public boolean contains(String name) {
    return tensors.containsKey(name);
  }

  /** The tensor called {@code name}; the error names the missing tensor and lists the present ones. */
  public Tensor get(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException("missing tensor '" + name + "' (present: " + tensors.keySet() + ")");
    }
    return t;
  }

  public double[] data(String name) {
    return get(name).data();
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(tensors.keySet());
  }

  public List<Tensor> tensors() {
    return new ArrayList<>(tensors.values());
  }

  /** Total number of scalars. */
  public int size() {
    int n = 0;
    for (Tensor t : tensors.values()) {
      n += t.size();
    }
    return n;
  }

  /** A deep copy. */
  public ParameterSet copy() {
    ParameterSet out = new ParameterSet();
    tensors.values().forEach(t -> out.put(t.copy()));
    return out;
  }

  /** Zeros with the same names and shapes. */
  public ParameterSet zerosLike() {
    ParameterSet out = new ParameterSet();
    tensors.values().forEach(t -> out.put(Tensor.zeros(t.name(), t.shape())));
    return out;
  }

  /** The subset with the given names, sharing storage with this set. */
  public ParameterSet subset(Iterable<String> names) {
    ParameterSet out = new ParameterSet();
    names.forEach(n -> out.put(get(n)));
    return out;
  }

  /** All values concatenated in tensor order. */
  public double[] flatten() {
    double[] out = new double[size()];
    int offset = 0;
    for (Tensor t : tensors.values()) {
      System.arraycopy(t.data(), 0, out, offset, t.size());
      offset += t.size();
    }
    return out;
  }

  /** Overwrites all values from a flat array in tensor order. */
  public void assign(double[] flat) {
    if (flat.length != size()) {
      throw new IllegalArgumentException("expected " + size() + " values, got " + flat.length);
    }
    int offset = 0;
    for (Tensor t : tensors.values()) {
      System.arraycopy(flat, offset, t.data(), 0, t.size());
      offset += t.size();
    }
  }

  /** Sets every value to zero. */
  public void clear() {
    tensors.values().forEach(t -> Arrays.fill(t.data(), 0.0));
  }

  /** {@code this += scale · other} tensor by tensor (same names required). */
  public void addScaled(ParameterSet other, double scale) {
    for (Tensor t : tensors.values()) {
      double[] dst = t.data();
      double[] src = other.data(t.name());
      for (int i = 0; i < dst.length; i++) {
        dst[i] += scale * src[i];
      }
    }
  }

  /** Euclidean norm over all tensors jointly. */
  public double norm() {
    double s = 0;
    for (Tensor t : tensors.values()) {
      for (double v : t.data()) {
        s += v * v;
      }
    }
    return Math.sqrt(s);
  }

  /** True when every value is finite; otherwise the first offending tensor is reported by {@link #firstNonFinite}. */
  public boolean allFinite() {
    return firstNonFinite() == null;
  }

  /** Name of the first tensor holding NaN or Inf, or null. */
  public String firstNonFinite() {
    for (Tensor t : tensors.values()) {
      for (double v : t.data()) {
        if (!Double.isFinite(v)) {
          return t.name();
        }
      }
    }
    return null;
  }
}
