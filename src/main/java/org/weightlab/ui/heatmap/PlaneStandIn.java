package org.weightlab.ui.heatmap;

import javafx.scene.Node;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.digits.TestDigitsView;
import org.weightlab.ui.theme.Palette;

/**
 * What the output view shows in its plot's place for data of other than two inputs, where there is
 * no plane to colour: for digits the test digits the network gets right and wrong
 * ({@link TestDigitsView}); for an imported table its confusion matrix or its predictions against
 * the targets ({@link NoPlaneView}). Each is made the first time it is needed.
 */
final class PlaneStandIn {

    private final Palette palette;
    private NoPlaneView noPlane;
    private TestDigitsView digits;

    PlaneStandIn(Palette palette) {
        this.palette = palette;
    }

    /** True when {@code s}'s data has no 2-D plane. */
    static boolean flat(TrainingSnapshot s) {
        return s.data() != null ? s.data().dims() != 2 : !s.config().planar();
    }

    /** Shows {@code s} in the view that stands in for the plot and returns it, or null when the data has a plane. */
    Node show(TrainingSnapshot s) {
        if (!flat(s)) {
            return null;
        }
        if (s.config().dataset() == DatasetKind.DIGITS) {
            if (digits == null) {
                digits = new TestDigitsView(palette);
            }
            digits.show(s);
            return digits;
        }
        if (noPlane == null) {
            noPlane = new NoPlaneView(palette);
        }
        noPlane.show(s);
        return noPlane;
    }

    /** The view's title above the stand-in for {@code s}. */
    static String title(TrainingSnapshot s) {
        String output = "Output (" + s.config().outputActivation().id() + ")";
        return s.config().dataset() == DatasetKind.DIGITS ? output + ": test digits" : output;
    }

    NoPlaneView noPlaneView() {
        return noPlane;
    }

    TestDigitsView testDigits() {
        return digits;
    }
}
