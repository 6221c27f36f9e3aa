package org.weightlab.ui.loss;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The loss chart's colours and fonts, read from CSS: invisible nodes carry the style classes, and
 * the canvas draws with what CSS resolved on them (the palette lives in the stylesheet, so a dark
 * or projector theme is one stylesheet). Also measures text for layout.
 */
final class ChartPalette {

    /** The legend swatches, one per curve; their background is the curve's colour. */
    private final Region[] swatches = new Region[LossChartView.Curve.values().length];
    final Label tickStyle = new Label("0");
    final Label markerStyle = new Label("m");
    final Label gridStyle = new Label("g");
    private final Text measure = new Text();

    ChartPalette() {
        for (LossChartView.Curve c : LossChartView.Curve.values()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("wl-loss-swatch", "wl-loss-swatch-" + c.name().toLowerCase(Locale.ROOT));
            swatches[c.ordinal()] = swatch;
        }
        tickStyle.getStyleClass().add("wl-loss-tick");
        markerStyle.getStyleClass().add("wl-loss-marker");
        gridStyle.getStyleClass().add("wl-loss-grid");
        for (Node n : styleNodes()) {
            // kept "visible" so CSS resolves them, but never seen or hit
            n.setOpacity(0);
            n.setManaged(false);
            n.setMouseTransparent(true);
        }
    }

    /** The nodes that must sit in the scene for CSS to style them. */
    Node[] styleNodes() {
        return new Node[] {tickStyle, markerStyle, gridStyle};
    }

    Region swatch(LossChartView.Curve c) {
        return swatches[c.ordinal()];
    }

    Paint swatchColour(LossChartView.Curve c) {
        Region r = swatches[c.ordinal()];
        if (r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
            return r.getBackground().getFills().get(0).getFill();
        }
        return switch (c) {
            case BATCH, TRAIN -> Color.web("#1b7837");
            case TEST -> Color.web("#762a83");
        };
    }

    /** The marker labels' background, from CSS (so a dark theme gets a dark box). */
    Paint markerBackground() {
        if (markerStyle.getBackground() != null && !markerStyle.getBackground().getFills().isEmpty()) {
            return markerStyle.getBackground().getFills().get(0).getFill();
        }
        return Color.rgb(255, 255, 255, 0.85);
    }

    /** The width of {@code text} in {@code font}. */
    double textWidth(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
