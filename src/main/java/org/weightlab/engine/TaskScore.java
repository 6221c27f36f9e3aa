package org.weightlab.engine;

/** Mean data loss and accuracy (a fraction 0..1, NaN for regression) of a network on one data set. */
public record TaskScore(double loss, double accuracy) {
}
