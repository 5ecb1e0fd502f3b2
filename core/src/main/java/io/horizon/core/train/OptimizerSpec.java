package io.horizon.core.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which optimizer a run uses and its hyper-parameters (THEORY §8.2 AdamW, §8.3 SGD and SGD with momentum).
 *
 * @param kind the update rule
 * @param lr learning rate, finite and positive
 * @param weightDecay decay coefficient, finite and non-negative (decoupled for AdamW, coupled for SGD); for AdamW
 *     {@code lr·weightDecay} must stay below 1 so that the decay factor {@code 1 − lr·wd} is positive
 * @param momentum SGD momentum μ: in (0, 1) for {@code sgd-momentum}, 0 for the other kinds
 */
public record OptimizerSpec(Kind kind, double lr, double weightDecay, double momentum) {

  /** Momentum of the appendix SGD-with-momentum runs (THEORY §8.3). */
  public static final double DEFAULT_MOMENTUM = 0.9;

  /** The update rules, with the names used on the command line and in run files. */
  public enum Kind {
    /** {@code torch.optim.AdamW} (THEORY §8.2). */
    ADAMW("adamw"),
    /** {@code torch.optim.SGD} without momentum (THEORY §8.3). */
    SGD("sgd"),
    /** {@code torch.optim.SGD} with momentum (THEORY §8.3). */
    SGD_MOMENTUM("sgd-momentum");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The short name. */
    public String id() {
      return id;
    }

    /** Parses a short name; the error lists the accepted values. */
    public static Kind parse(String name) {
      for (Kind k : values()) {
        if (k.id.equals(name.trim().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new IllegalArgumentException("optimizer: unknown kind '" + name + "' (expected one of "
          + Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
      return id;
    }
  }

  public OptimizerSpec {
    if (kind == null) {
      throw new IllegalArgumentException("kind: must be given");
    }
    if (!(Double.isFinite(lr) && lr > 0)) {
      throw new IllegalArgumentException("lr: must be finite and positive, got " + lr);
    }
    if (!(Double.isFinite(weightDecay) && weightDecay >= 0)) {
      throw new IllegalArgumentException("weightDecay: must be finite and non-negative, got " + weightDecay);
    }
    if (kind == Kind.ADAMW && !(lr * weightDecay < 1)) {
      throw new IllegalArgumentException(
          "weightDecay: lr·weightDecay must be below 1 for adamw, got " + lr + "·" + weightDecay);
    }
    if (kind == Kind.SGD_MOMENTUM && !(momentum > 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum: must lie in (0, 1) for sgd-momentum, got " + momentum);
    }
    if (kind != Kind.SGD_MOMENTUM && momentum != 0) {
      throw new IllegalArgumentException("momentum: must be 0 for " + kind + ", got " + momentum);
    }
  }

  /** AdamW with the given learning rate and decoupled weight decay. */
  public static OptimizerSpec adamw(double lr, double weightDecay) {
    return new OptimizerSpec(Kind.ADAMW, lr, weightDecay, 0);
  }

  /** Plain SGD with coupled weight decay. */
  public static OptimizerSpec sgd(double lr, double weightDecay) {
    return new OptimizerSpec(Kind.SGD, lr, weightDecay, 0);
  }

  /** SGD with momentum μ and coupled weight decay. */
  public static OptimizerSpec sgdMomentum(double lr, double weightDecay, double momentum) {
    return new OptimizerSpec(Kind.SGD_MOMENTUM, lr, weightDecay, momentum);
  }

  /** A fresh optimizer (empty state) with these settings. */
  public Optimizer create() {
    return switch (kind) {
      case ADAMW -> new AdamW(lr, weightDecay);
      case SGD, SGD_MOMENTUM -> new Sgd(lr, weightDecay, momentum);
    };
  }
}
