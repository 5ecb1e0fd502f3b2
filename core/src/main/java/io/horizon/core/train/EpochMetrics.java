package io.horizon.core.train;

/**
 * What one epoch of training measured (THEORY §8.2 "Per epoch"). Losses are step-weighted mean squared errors;
 * R² is {@code 1 − SS_res/SS_tot} over the weighted steps of a set.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean over the epoch's mini-batches of the loss each batch was trained on (before its step)
 * @param trainR2 R² after the epoch on the first {@code min(1024, n)} training sequences
 * @param validationLoss loss after the epoch on the validation set
 * @param validationR2 R² after the epoch on the validation set
 * @param wallSeconds wall time of the whole epoch, evaluation included
 * @param sequenceStepsPerSecond training throughput: sequences × steps trained per second of the training phase
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainR2,
    double validationLoss,
    double validationR2,
    double wallSeconds,
    double sequenceStepsPerSecond) {}
