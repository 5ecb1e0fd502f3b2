package io.horizon.pipeline.campaign;

import io.horizon.core.kernel.KernelOptions;
import io.horizon.core.kernel.LagGrid;
import io.horizon.core.learnability.EnvelopeFits;
import io.horizon.core.kernel.SignGauge;
import io.horizon.core.learnability.AlphaMode;
import io.horizon.core.learnability.LearnabilityOptions;
import io.horizon.core.learnability.SampleComplexity;
import io.horizon.core.linalg.Precision;
import io.horizon.core.stable.LagAccumulator;
import io.horizon.core.stable.StableMethod;
import io.horizon.proto.v1.DiagnosticSpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The diagnostic settings of a run as core objects (THEORY §4–7): a proto {@link DiagnosticSpec} with every unset
 * field replaced by its documented default (docs/campaigns.md) and every value checked by core's own parsers.
 */
final class DiagnosticSettings {
  /** Diagnostic sequences when unset (THEORY §8.2 "full paper run"). */
  static final int DEFAULT_SEQUENCES = 8000;

  private final int sequences;
  private final String lagText;
  private final int[] lags;
  private final boolean firstOrder;
  private final SignGauge gauge;
  private final Precision products;
  private final StableMethod method;
  private final LearnabilityOptions learnability;
  private final int reservoirCapacity;
  private final OptionalLong directionSeed;
  private final Optional<CollapseSettings> collapse;
  private final Optional<CouplingSettings> coupling;

  private DiagnosticSettings(DiagnosticSpec spec, int length, String path) {
    sequences = positiveOrDefault(spec.getSequences(), DEFAULT_SEQUENCES, path + ".sequences");
    lagText = spec.getLags().isEmpty() ? LagGrid.DEFAULT : spec.getLags();
    lags = at(path + ".lags", () -> {
      int[] grid = LagGrid.parse(lagText);
      LagGrid.checkFits(grid, length);
      long aboveOne = Arrays.stream(grid).filter(lag -> lag > 1).count();
      if (aboveOne < EnvelopeFits.MIN_POINTS) {
        throw new IllegalArgumentException("the envelope fits need at least " + EnvelopeFits.MIN_POINTS
            + " lags above 1, the grid has " + aboveOne);
      }
      return grid;
    });
    firstOrder = !spec.hasFirstOrder() || spec.getFirstOrder();
    gauge = at(path + ".signGauge", () -> {
      SignGauge parsed = spec.getSignGauge().isEmpty() ? SignGauge.GLOBAL : SignGauge.parse(spec.getSignGauge());
      KernelOptions.defaults(lags).withGauge(parsed);
      return parsed;
    });
    products = spec.getProducts().isEmpty()
        ? Precision.FLOAT64 : Precision.parse(spec.getProducts(), path + ".products");
    method = at(path + ".alphaMethod", () -> spec.getAlphaMethod().isEmpty()
        ? StableMethod.MCCULLOCH_SYMMETRIC : StableMethod.parse(spec.getAlphaMethod()));
    AlphaMode mode = at(path + ".alphaMode",
        () -> spec.getAlphaMode().isEmpty() ? AlphaMode.PER_LAG : AlphaMode.parse(spec.getAlphaMode()));
    long[] budgets = spec.getNGridCount() == 0
        ? SampleComplexity.defaultBudgets() : spec.getNGridList().stream().mapToLong(Long::longValue).toArray();
    LearnabilityOptions withBudgets =
        at(path + ".nGrid", () -> LearnabilityOptions.defaults().withAlphaMode(mode).withBudgets(budgets));
    learnability = spec.getThreshold() == 0
        ? withBudgets : at(path + ".threshold", () -> withBudgets.withThreshold(spec.getThreshold()));
    reservoirCapacity = positiveOrDefault(
        spec.getReservoirCapacity(), LagAccumulator.DEFAULT_CAPACITY, path + ".reservoirCapacity");
    directionSeed = spec.hasDirectionSeed() ? OptionalLong.of(spec.getDirectionSeed()) : OptionalLong.empty();
    collapse = spec.hasCollapse()
        ? Optional.of(CollapseSettings.of(spec.getCollapse(), lags, path + ".collapse")) : Optional.empty();
    coupling = spec.hasCoupling()
        ? Optional.of(CouplingSettings.of(spec.getCoupling(), length, path + ".coupling")) : Optional.empty();
  }

  /** The settings of {@code spec} for sequences of length {@code length}; errors name fields below {@code path}. */
  static DiagnosticSettings of(DiagnosticSpec spec, int length, String path) {
    return new DiagnosticSettings(spec, length, path);
  }

  /**
   * The same settings as a proto message with every field explicit but {@code products}, which is written only when
   * float32: so a run's id does not depend on whether the default was spelled out, and the ids of campaigns written
   * before the field existed stay as they were.
   */
  DiagnosticSpec toProto() {
    DiagnosticSpec.Builder b = DiagnosticSpec.newBuilder().setSequences(sequences).setLags(lagText)
        .setFirstOrder(firstOrder).setSignGauge(gauge.toString())
        .addAllNGrid(Arrays.stream(learnability.budgets()).boxed().toList())
        .setThreshold(learnability.threshold()).setAlphaMethod(method.cliName())
        .setAlphaMode(learnability.alphaMode().toString()).setReservoirCapacity(reservoirCapacity);
    directionSeed.ifPresent(b::setDirectionSeed);
    if (products == Precision.FLOAT32) {
      b.setProducts(products.label());
    }
    collapse.ifPresent(c -> b.setCollapse(c.toProto()));
    coupling.ifPresent(c -> b.setCoupling(c.toProto()));
    return b.build();
  }

  /** Fresh diagnostic sequences per run. */
  int sequences() {
    return sequences;
  }

  /** The diagnostic pass settings with {@code threads} worker threads. */
  KernelOptions kernel(int threads) {
    return KernelOptions.defaults(lags.clone()).withFirstOrder(firstOrder).withGauge(gauge).withThreads(threads)
        .withProducts(products);
  }

  /** The per-lag α-stable estimator. */
  StableMethod method() {
    return method;
  }

  /** The learnability statistics settings. */
  LearnabilityOptions learnability() {
    return learnability.withBudgets(learnability.budgets().clone());
  }

  /** Samples kept per lag for the α fits. */
  int reservoirCapacity() {
    return reservoirCapacity;
  }

  /** The seed of the projection direction, when the spec fixes one. */
  OptionalLong directionSeed() {
    return directionSeed;
  }

  /** The anti-collapse settings, when the analyses are on. */
  Optional<CollapseSettings> collapse() {
    return collapse;
  }

  /** The time-scale coupling settings, when the spec switches them on (THEORY §10). */
  Optional<CouplingSettings> coupling() {
    return coupling;
  }

  /** {@code value}, or {@code defaultValue} when it is 0; a negative value is refused naming {@code path}. */
  static int positiveOrDefault(int value, int defaultValue, String path) {
    if (value < 0) {
      throw new IllegalArgumentException(path + ": must be positive, got " + value);
    }
    return value == 0 ? defaultValue : value;
  }

  private static <T> T at(String path, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }
}
