package org.weightlab.ui.loss;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/**
 * The loss chart's colours and fonts, read from CSS: the curves' colours from the window's
 * {@link Palette} ({@code -wl-train-loss}, {@code -wl-test-loss}, {@code -wl-task-a-loss}), the type, grid and marker
 * boxes from invisible nodes that carry the chart's style classes (so a dark or projector theme is
 * one stylesheet). Also measures text for layout.
 */
final class ChartPalette {

    /** The legend swatches, one per curve; their background is the curve's colour. */
    private final Region[] swatches = new Region[LossChartView.Curve.values().length];
    final Label tickStyle = new Label("0");
    final Label markerStyle = new Label("m");
    final Label gridStyle = new Label("g");
    final Palette palette = new Palette();
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
        return new Node[] {tickStyle, markerStyle, gridStyle, palette};
    }

    Region swatch(LossChartView.Curve c) {
        return swatches[c.ordinal()];
    }

    /** The colour curve {@code c} is drawn in (the batch curve shares the train loss's, drawn lighter). */
    Color curveColour(LossChartView.Curve c) {
        return palette.color(switch (c) {
            case TEST -> PaletteColor.TEST_LOSS;
            case TASK_A -> PaletteColor.TASK_A_LOSS;
            case BATCH, TRAIN -> PaletteColor.TRAIN_LOSS;
        });
    }

    /** Text and axes, as the theme has them. */
    Color ink() {
        return palette.inkColor();
    }

    /** The marker labels' background, from CSS (so a dark theme gets a dark box). */
    Paint markerBackground() {
        if (markerStyle.getBackground() != null && !markerStyle.getBackground().getFills().isEmpty()) {
            return markerStyle.getBackground().getFills().get(0).getFill();
        }
        return palette.zeroColor();
    }

    /** The width of {@code text} in {@code font}. */
    double textWidth(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
