package org.weightlab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.ui.theme.Palette;

@ExtendWith(ApplicationExtension.class)
class ColorLegendTest {

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 600, 200));
        stage.show();
    }

    /** The legend at {@code barWidth} with numbers of {@code fontPx}: whether it shows its 0, and its labels' bounds. */
    private boolean[] legend(double barWidth, double fontPx, List<Bounds> bounds) throws Exception {
        boolean[] middle = new boolean[1];
        WaitForAsyncUtils.asyncFx(() -> {
            ColorLegend legend = new ColorLegend();
            legend.setStyle("-fx-font-size: " + fontPx + "px;");
            Palette palette = new Palette();
            legend.setScale(new DivergingScale(0.322, palette), palette, true);
            legend.setBarWidth(barWidth);
            legend.setMaxWidth(StackPane.USE_PREF_SIZE);
            root.getChildren().setAll(legend);
            root.applyCss();
            root.layout();
            root.layout();
            middle[0] = legend.showsMiddle();
            for (Node n : legend.lookupAll(".wl-legend-label")) {
                if (n.isVisible()) {
                    bounds.add(n.localToScene(((Label) n).getLayoutBounds()));
                }
            }
        }).get(10, TimeUnit.SECONDS);
        return middle;
    }

    @Test
    void aWideBarShowsItsZeroAndANarrowOneLeavesItOutRatherThanRunTheNumbersTogether() throws Exception {
        List<Bounds> wide = new ArrayList<>();
        assertTrue(legend(260, 14, wide)[0], "room for -max, 0 and +max");
        List<Bounds> narrow = new ArrayList<>();
        assertFalse(legend(60, 21, narrow)[0], "a projector's large numbers on a narrow bar");
        for (List<Bounds> shown : List.of(wide, narrow)) {
            for (int i = 1; i < shown.size(); i++) {
                assertTrue(shown.get(i).getMinX() >= shown.get(i - 1).getMaxX() + 2,
                        "numbers apart: " + shown);
            }
        }
    }
}
