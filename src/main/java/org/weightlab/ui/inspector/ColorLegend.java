package org.weightlab.ui.inspector;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/** The legend of a {@link DivergingScale}: a colour bar from -max through 0 to +max. */
public final class ColorLegend extends VBox {

    public static final String STYLE_CLASS = "wl-color-legend";

    private final Rectangle bar = new Rectangle(120, 10);
    private final Label low = new Label();
    private final Label mid = new Label("0");
    private final Label high = new Label();
    private final HBox labels;
    /** Least room between two numbers of the legend, in px. */
    private static final double GAP = 6;

    public ColorLegend() {
        getStyleClass().add(STYLE_CLASS);
        low.getStyleClass().add("wl-legend-label");
        mid.getStyleClass().add("wl-legend-label");
        high.getStyleClass().add("wl-legend-label");
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        labels = new HBox(GAP, low, left, mid, right, high);
        labels.setAlignment(Pos.CENTER);
        labels.maxWidthProperty().bind(bar.widthProperty().add(24));
        for (Label l : new Label[] {low, mid, high}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        BorderPane.setAlignment(bar, Pos.CENTER);
        setAlignment(Pos.CENTER);
        setSpacing(1);
        getChildren().addAll(bar, labels);
    }

    public void setScale(DivergingScale scale, Palette palette, boolean hasValues) {
        bar.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, palette.color(PaletteColor.WEIGHT_NEGATIVE)), new Stop(0.5, palette.zeroColor()),
                new Stop(1, palette.color(PaletteColor.WEIGHT_POSITIVE))));
        bar.setStroke(palette.color(PaletteColor.GUIDE));
        bar.setStrokeWidth(0.5);
        String m = hasValues ? format(scale.max()) : "0";
        low.setText("\u2212" + m);
        high.setText("+" + m);
    }

    /**
     * A narrow bar with large numbers (a projector) has no room for the 0 between them: without it,
     * "−0.322 0 +0.322" does not read "−0.3220+0.322".
     */
    @Override
    protected void layoutChildren() {
        double need = low.prefWidth(-1) + mid.prefWidth(-1) + high.prefWidth(-1) + 4 * GAP;
        boolean fits = labels.getMaxWidth() >= need;
        if (fits != mid.isVisible()) {
            mid.setVisible(fits);
            mid.setManaged(fits);
        }
        super.layoutChildren();
    }

    /** True when the legend shows its 0 (there is room for it between the ends). */
    public boolean showsMiddle() {
        return mid.isVisible();
    }

    public void setBarWidth(double width) {
        bar.setWidth(width);
    }

    /** Short, readable from the back row: 3 significant digits, "3.5e-5" below 0.01 or from 10000. */
    public static String format(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "+\u221e" : "\u2212\u221e";
        }
        if (a < 1e-2 || a >= 1e4) {
            String s = String.format(Locale.ROOT, "%.1e", v);
            // 3.5e-05 -> 3.5e-5, 1.2e+04 -> 1.2e4
            return s.replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
