package org.weightlab.ui.race;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.race.RaceSnapshot;
import org.weightlab.ui.heatmap.DecisionHeatmapView;
import org.weightlab.ui.theme.Palette;

/**
 * One run of a race as a small multiple: its setting in its colour, one line of figures and its
 * output picture (the same view as the window's output, without the toggles). A run that diverged
 * keeps its last finite picture under a banner "diverged at step N".
 */
final class RaceTile extends VBox {

    static final String DIVERGED_CLASS = "wl-race-diverged";

    private final DecisionHeatmapView output = new DecisionHeatmapView();
    private final Label name = new Label();
    private final Label figures = new Label();
    private final Label diverged = new Label();
    private DataSplit data;

    RaceTile(Palette palette, int run) {
        getStyleClass().add("wl-race-tile");
        setId("raceTile" + run);
        output.setBottom(null); // the toggles belong to the window's own output view
        output.setTop(null); // the run's name is the tile's title
        output.setId("raceOutput" + run);
        name.getStyleClass().add("wl-race-run-name");
        HBox header = new HBox(6, new RunSwatch(palette, run), name);
        header.setAlignment(Pos.CENTER_LEFT);
        diverged.getStyleClass().add(DIVERGED_CLASS);
        diverged.setId("raceDiverged" + run);
        diverged.setVisible(false);
        diverged.setMouseTransparent(true);
        StackPane picture = new StackPane(output, diverged);
        StackPane.setAlignment(diverged, Pos.CENTER);
        VBox.setVgrow(picture, Priority.ALWAYS);
        figures.getStyleClass().add("wl-race-figures");
        figures.setId("raceFigures" + run);
        figures.setWrapText(true);
        picture.setMinSize(0, 0);
        output.setMinSize(0, 0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        getChildren().addAll(header, figures, picture);
        setSpacing(2);
    }

    void show(RaceSnapshot.Run r) {
        name.setText(r.variant().label());
        if (r.moment().data() != data) {
            data = r.moment().data();
            output.setData(data);
        }
        output.show(r.moment());
        diverged.setVisible(r.diverged());
        if (r.diverged()) {
            diverged.setText("diverged at step " + r.divergence().step());
            figures.setText("picture of epoch " + r.moment().epoch() + "; then " + r.divergence().what()
                    + " was no longer a finite number");
        } else {
            figures.setText(RaceTable.lossText(r));
        }
    }

    /** In a narrow view the figures line gives its height to the picture (the table shows the figures). */
    void setCompact(boolean narrow) {
        figures.setVisible(!narrow);
        figures.setManaged(!narrow);
    }

    String figuresText() {
        return figures.getText();
    }

    DecisionHeatmapView output() {
        return output;
    }

    Label divergedLabel() {
        return diverged;
    }
}
