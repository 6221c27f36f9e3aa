package org.weightlab.ui.race;

import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import org.weightlab.ui.theme.Palette;

/** The small square in a run's colour that ties its tile, its curve and its table row together. */
final class RunSwatch extends Region {

    RunSwatch(Palette palette, int run) {
        getStyleClass().add("wl-race-swatch");
        setMinSize(14, 14);
        setPrefSize(14, 14);
        setMaxSize(14, 14);
        Runnable paint = () -> setBackground(new Background(new BackgroundFill(palette.seriesColor(run),
                new CornerRadii(3), Insets.EMPTY)));
        paint.run();
        palette.revisionProperty().addListener((o, was, now) -> paint.run());
    }
}
