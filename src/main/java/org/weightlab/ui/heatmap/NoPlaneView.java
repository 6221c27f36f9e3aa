package org.weightlab.ui.heatmap;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.confusion.ConfusionPanel;
import org.weightlab.ui.fx.ScaleToFit;
import org.weightlab.ui.theme.Palette;

/**
 * What the output view shows for data of other than two inputs (an imported table), where there
 * is no plane to colour: a caption saying why, then for classification the test set's confusion
 * matrix ({@link ConfusionPanel}) and for regression the test set's predictions against the targets
 * ({@link PredictedActualPlot}). Each part is made the first time it is needed.
 */
final class NoPlaneView extends BorderPane {

    private final Palette palette;
    private final Label caption = new Label();
    private ConfusionPanel confusion;
    /** The matrix, scaled down as a whole where the column is too small for it (a projector). */
    private ScaleToFit fittedConfusion;
    private PredictedActualPlot scatter;

    NoPlaneView(Palette palette) {
        this.palette = palette;
        setId("noPlaneView");
        caption.setId("noPlaneCaption");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.getStyleClass().add("wl-no-plane-caption");
        BorderPane.setMargin(caption, new Insets(0, 4, 6, 4));
        setTop(caption);
    }

    /** Shows {@code s}: its matrix or its predictions, computed while this view is on screen. */
    void show(TrainingSnapshot s) {
        int dims = s.data() == null ? s.config().inputs() : s.data().dims();
        if (s.config().problem() == ProblemKind.REGRESSION) {
            caption.setText(captionText(dims, false));
            if (scatter == null) {
                scatter = new PredictedActualPlot(palette);
            }
            if (getCenter() != scatter) {
                setCenter(scatter);
            }
            scatter.show(s);
        } else {
            caption.setText(captionText(dims, true));
            if (confusion == null) {
                confusion = new ConfusionPanel();
                confusion.setCompact(true);
                fittedConfusion = new ScaleToFit(confusion);
            }
            if (getCenter() != fittedConfusion) {
                setCenter(fittedConfusion);
            }
            confusion.show(s);
        }
    }

    static String captionText(int dims, boolean classification) {
        return dims + " inputs: no 2-D plane. "
                + (classification ? "Test set, true class by row, prediction by column:"
                        : "Test set, prediction against target (right: on the dashed line):");
    }

    String caption() {
        return caption.getText();
    }

    ConfusionPanel confusion() {
        return confusion;
    }

    PredictedActualPlot scatter() {
        return scatter;
    }
}
