package io.horizon.core.model;

/**
 * What every architecture holds: its configuration, all its tensors and the trainable ones sharing their storage
 * (THEORY §2; tensor layout of {@link ParameterLayout}).
 */
abstract class ParameterizedRnn implements GatedRnn {
  final ModelConfig config;
  final ParameterSet parameters;
  final ParameterSet trainable;

  /** Checks that {@code config} is of {@code architecture}; {@code parameters} are shared, not copied. */
  ParameterizedRnn(ModelConfig config, ParameterSet parameters, Architecture architecture) {
    if (config.architecture() != architecture) {
      throw new IllegalArgumentException(
          "architecture: a " + config.architecture() + " configuration was given to the " + architecture + " model");
    }
    this.config = config;
    this.parameters = parameters;
    this.trainable = parameters.subset(ParameterLayout.trainableNames(config));
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  @Override
  public ParameterSet parameters() {
    return parameters;
  }

  @Override
  public ParameterSet trainable() {
    return trainable;
  }
}
