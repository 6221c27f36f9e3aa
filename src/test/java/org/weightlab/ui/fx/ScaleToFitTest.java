package org.weightlab.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ScaleToFitTest {

    private final Pane root = new Pane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 700, 500));
        stage.show();
    }

    /** A 300x200 table in a region of {@code w} x {@code h}: its scale and its bounds in the region. */
    private Object[] fit(double w, double h) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Region table = new Region();
            table.setPrefSize(300, 200);
            ScaleToFit fit = new ScaleToFit(table);
            fit.resize(w, h);
            root.getChildren().setAll(fit);
            fit.layout();
            Bounds b = fit.sceneToLocal(table.localToScene(table.getLayoutBounds()));
            return new Object[] {fit.scale(), b};
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTableTooLargeIsScaledDownWholeAndOneThatFitsIsLeftAsItIs() throws Exception {
        Object[] small = fit(150, 160);
        assertEquals(0.5, (double) small[0], 1e-9, "the narrower side decides");
        Bounds b = (Bounds) small[1];
        assertTrue(b.getMinX() >= -1e-9 && b.getMaxX() <= 150 + 1e-9 && b.getMinY() >= -1e-9 && b.getMaxY() <= 160 + 1e-9,
                "all of it inside: " + b);
        assertEquals(150, b.getWidth(), 1e-6);
        Object[] large = fit(600, 400);
        assertEquals(1.0, (double) large[0], 1e-9, "never scaled up");
        Bounds c = (Bounds) large[1];
        assertEquals(150, c.getMinX(), 1e-6, "centred");
        assertEquals(0, c.getMinY(), 1e-6, "at the top");
    }
}
