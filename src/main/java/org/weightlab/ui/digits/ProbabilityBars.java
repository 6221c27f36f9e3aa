package org.weightlab.ui.digits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/** One bar per class: the network's probability of each, the most likely one marked. */
final class ProbabilityBars extends GridPane {

    /** Width of a bar at probability 1, in em of the interface font. */
    static final double FULL_EM = 14;

    private final Palette palette;
    private final List<Label> names = new ArrayList<>();
    private final List<Region> bars = new ArrayList<>();
    private final List<Label> percents = new ArrayList<>();
    private double[] shown;
    /** The width of a bar at probability 1, px; NaN: {@link #FULL_EM} em. */
    private double fullWidth = Double.NaN;

    ProbabilityBars(Palette palette) {
        this.palette = palette;
        getStyleClass().add("probability-bars");
        setHgap(6);
        setVgap(3);
    }

    /** Shows {@code p} (one probability per class), or empties the bars for null. */
    void show(double[] p) {
        if (p != null && p.length != names.size()) {
            build(p.length);
        }
        shown = p == null ? null : p.clone();
        restyle();
    }

    /** Draws a bar at probability 1 {@code px} wide (NaN: {@link #FULL_EM} em of the interface font). */
    void setFullWidth(double px) {
        if (Double.compare(px, fullWidth) != 0) {
            fullWidth = px;
            restyle();
        }
    }

    /** The probabilities shown (null when none). */
    double[] shown() {
        return shown == null ? null : shown.clone();
    }

    Label percent(int k) {
        return percents.get(k);
    }

    void restyle() {
        int best = -1;
        if (shown != null) {
            best = 0;
            for (int k = 1; k < shown.length; k++) {
                if (shown[k] > shown[best]) {
                    best = k;
                }
            }
        }
        double full = Double.isNaN(fullWidth) ? FULL_EM * getFont() : fullWidth;
        for (int k = 0; k < names.size(); k++) {
            double p = shown == null ? 0 : shown[k];
            Region bar = bars.get(k);
            bar.setPrefWidth(Math.max(1, p * full));
            bar.setBackground(new Background(new BackgroundFill(palette.color(
                    k == best ? PaletteColor.WEIGHT_POSITIVE : PaletteColor.GUIDE), null, null)));
            percents.get(k).setText(shown == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * p));
            String style = k == best ? "probability-best" : "probability-other";
            names.get(k).getStyleClass().setAll("label", style);
            percents.get(k).getStyleClass().setAll("label", "probability-percent", style);
        }
    }

    private double getFont() {
        return names.isEmpty() ? 13 : names.get(0).getFont().getSize();
    }

    private void build(int classes) {
        getChildren().clear();
        names.clear();
        bars.clear();
        percents.clear();
        for (int k = 0; k < classes; k++) {
            Label name = new Label(Integer.toString(k));
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region bar = new Region();
            bar.setMinHeight(12);
            bar.setPrefHeight(16);
            bar.setMaxHeight(Region.USE_PREF_SIZE);
            bar.setMinWidth(Region.USE_PREF_SIZE);
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            Label percent = new Label();
            percent.setMinWidth(Region.USE_PREF_SIZE);
            percent.setAlignment(Pos.CENTER_RIGHT);
            percent.setId("probability-" + k);
            names.add(name);
            bars.add(bar);
            percents.add(percent);
            addRow(k, name, bar, percent);
        }
    }
}
