package org.weightlab.engine.data;

/**
 * The training and test parts of a data set, as the network sees them.
 *
 * @param standardization how the inputs were standardized (imported data), or null when the
 *                        points are the raw values
 */
public record DataSplit(Dataset train, Dataset test, Standardization standardization) {

    public DataSplit(Dataset train, Dataset test) {
        this(train, test, null);
    }

    /** Number of input columns. */
    public int dims() {
        return train.dims();
    }
}
