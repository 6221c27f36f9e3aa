package org.weightlab.ui.inspector;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * The colours the inspector's pixel and canvas drawings use, read from CSS by
 * {@link InspectorView} (its {@code -wl-inspector-*} properties) and handed to each drawing.
 *
 * @param positive  positive values (blue in the default, colour-blind-safe diverging pair)
 * @param negative  negative values (orange)
 * @param zero      the neutral middle of the diverging scale
 * @param missing   NaN or infinite values: a neutral grey, never mistaken for a value
 * @param frozen    the hatching over frozen weights
 * @param selection the outline of the selected cell or bar
 * @param weights   weight populations over time
 * @param gradients gradient populations over time
 * @param guide     guide lines (the 1e-3 update ratio, zero lines)
 * @param text      labels drawn on canvases
 * @param series    one colour per layer in the gradient-flow charts
 */
public record InspectorPalette(Color positive, Color negative, Color zero, Color missing, Color frozen,
                               Color selection, Color weights, Color gradients, Color guide, Color text,
                               List<Color> series) {

    public InspectorPalette {
        series = List.copyOf(series);
    }

    /**
     * Okabe-Ito, distinguishable with the common colour-vision deficiencies; its black is a mid
     * grey here so that it shows on dark themes too.
     */
    public static final List<Color> OKABE_ITO = List.of(Color.web("#0072B2"), Color.web("#E69F00"),
            Color.web("#009E73"), Color.web("#CC79A7"), Color.web("#56B4E9"), Color.web("#D55E00"),
            Color.web("#8c8c8c"), Color.web("#F0E442"));

    /** The values of weightlab.css's light palette, used until CSS is applied. */
    public static final InspectorPalette DEFAULT = new InspectorPalette(Color.web("#2166ac"), Color.web("#d6604d"),
            Color.web("#f7f7f7"), Color.web("#9e9e9e"), Color.web("#4d4d4d"), Color.web("#111111"),
            Color.web("#1b7837"), Color.web("#762a83"), Color.web("#555555"), Color.web("#333333"), OKABE_ITO);

    public Color seriesColor(int i) {
        return series.get(i % series.size());
    }
}
