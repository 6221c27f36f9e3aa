package org.weightlab.ui.theme;

/**
 * The colours canvases and restyled shapes draw with, each named by the CSS variable that holds it
 * ({@code .root} of weightlab.css, redefined by the projector stylesheet; the AtlantaFX theme gives
 * the light or dark ink). The stylesheet is the only place their values are written.
 */
public enum PaletteColor {
    /** Positive weights, gradients and updates: blue. */
    WEIGHT_POSITIVE("-wl-weight-positive"),
    /** Negative weights, gradients and updates: orange. */
    WEIGHT_NEGATIVE("-wl-weight-negative"),
    /** The neutral middle of the diverging scales. */
    WEIGHT_ZERO("-wl-weight-zero"),
    CLASS_POSITIVE("-wl-class-positive"),
    CLASS_NEGATIVE("-wl-class-negative"),
    /** The third class of three-class data sets. */
    CLASS_THIRD("-wl-class-third"),
    /** Frozen edges, biases and neuron frames. */
    FROZEN("-wl-frozen"),
    /** The hatching over frozen cells of a weight matrix. */
    FROZEN_HATCH("-wl-frozen-hatch"),
    /** NaN or infinite values: never mistaken for a value colour. */
    NOT_A_NUMBER("-wl-value-nan"),
    /** Text and axes on canvases. */
    INK("-wl-ink"),
    /** Guide lines, zero lines, chart frames. */
    GUIDE("-wl-guide"),
    /** The outline of a selected cell or bar. */
    SELECTION("-wl-selection"),
    /** Weight populations over time. */
    WEIGHT_BANDS("-wl-weight-bands"),
    /** Gradient populations over time. */
    GRADIENT_BANDS("-wl-gradient-bands"),
    /** The train loss curves of the loss chart (the batch losses and the epoch ends). */
    TRAIN_LOSS("-wl-train-loss"),
    /** The test loss curve of the loss chart. */
    TEST_LOSS("-wl-test-loss"),
    /** Task A's test loss after the run moved to task B: the forgetting curve. */
    TASK_A_LOSS("-wl-task-a-loss"),
    /** The ink of digit pictures (drawn on {@link #WEIGHT_ZERO} as paper). */
    DIGIT_INK("-wl-digit-ink"),
    /** One colour per layer in charts of several layers, in this order. */
    SERIES_1("-wl-series-1"),
    SERIES_2("-wl-series-2"),
    SERIES_3("-wl-series-3"),
    SERIES_4("-wl-series-4"),
    SERIES_5("-wl-series-5"),
    SERIES_6("-wl-series-6"),
    SERIES_7("-wl-series-7"),
    SERIES_8("-wl-series-8");

    private final String variable;

    PaletteColor(String variable) {
        this.variable = variable;
    }

    /** The CSS variable that holds this colour. */
    public String variable() {
        return variable;
    }
}
