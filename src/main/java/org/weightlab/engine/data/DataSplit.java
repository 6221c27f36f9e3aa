package org.weightlab.engine.data;

/** The training and test parts of a generated data set. */
public record DataSplit(Dataset train, Dataset test) {
}
