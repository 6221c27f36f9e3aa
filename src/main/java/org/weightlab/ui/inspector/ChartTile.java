package org.weightlab.ui.inspector;

import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A chart with its title above it as a label that wraps (a canvas would clip it). */
final class ChartTile extends VBox {

    static final String TITLE_STYLE = "wl-chart-title";

    private final Label title;

    ChartTile(String titleText, CanvasPane chart) {
        title = new Label(titleText);
        title.getStyleClass().add(TITLE_STYLE);
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setSpacing(2);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getStyleClass().add("wl-chart-tile");
        getChildren().addAll(title, chart);
    }

    Label title() {
        return title;
    }
}
