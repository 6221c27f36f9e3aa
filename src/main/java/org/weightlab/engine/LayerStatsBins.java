package org.weightlab.engine;

/** The fixed choices behind {@link LayerStats}. */
final class LayerStatsBins {

    /** Histogram bins over [-max|w|, max|w|]. */
    static final int BINS = 20;
    /** |tanh| above this (|z| > 2.65, slope < 0.02) counts as saturated. */
    static final double SATURATED_TANH = 0.99;
    /** sigmoid above this or below 1 - this (|z| > 4.6) counts as saturated. */
    static final double SATURATED_SIGMOID = 0.99;

    private LayerStatsBins() {
    }
}
