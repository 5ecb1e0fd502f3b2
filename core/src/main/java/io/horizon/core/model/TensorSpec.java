package io.horizon.core.model;

/** Name, shape and trainability of one parameter tensor of a model layout. */
public record TensorSpec(String name, int[] shape, boolean trainable) {}
