package io.horizon.cli.campaign;

/** The training metrics of one run at the end of one epoch, as its status reported them. */
public record TrainingPoint(String runId, int epoch, double trainLoss, double validationR2) {}
