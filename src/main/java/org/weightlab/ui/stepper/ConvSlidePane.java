package org.weightlab.ui.stepper;

import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.Network;
import org.weightlab.explain.ConvSharing;
import org.weightlab.explain.ConvWalk;
import org.weightlab.explain.StepThroughModel;
import org.weightlab.ui.theme.Palette;

/**
 * The first convolution of the walked example, one output value at a time: where the kernel
 * sits on the picture, the k x k patch and weights, the sum with the bias and the activation. The
 * buttons (or the keys comma and full stop, and K) slide the kernel to the next position, where
 * the same weights light up again, and pick the next kernel. Hidden for networks without convolutions.
 */
final class ConvSlidePane extends VBox {

    private final Palette palette = new Palette();
    private final ConvSlideCanvas canvas = new ConvSlideCanvas(palette);
    private final Label title = new Label();
    private final Label sum = new Label();
    private final Label activation = new Label();
    private final Label sharing = new Label();
    private final Button back = new Button("\u25c0 Slide back");
    private final Button on = new Button("Slide on \u25b6");
    private final Button nextKernel = new Button("Next kernel");
    private ConvWalk walk;
    private double[] walkedInput;
    private int kernel;
    private int position;

    ConvSlidePane() {
        setId("stepperConv");
        getStyleClass().add("wl-stepper-conv");
        setSpacing(4);
        setPadding(new Insets(8, 12, 8, 12));
        title.setId("stepperConvTitle");
        title.getStyleClass().add("wl-stepper-conv-title");
        title.setWrapText(true);
        sum.setId("stepperConvSum");
        sum.getStyleClass().add("wl-stepper-conv-text");
        sum.setWrapText(true);
        activation.setId("stepperConvActivation");
        activation.getStyleClass().add("wl-stepper-conv-text");
        sharing.getStyleClass().add("wl-stepper-conv-note");
        sharing.setWrapText(true);
        for (Label l : new Label[] {title, sum, activation, sharing}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        activation.setWrapText(true);
        back.setId("stepperConvBack");
        on.setId("stepperConvOn");
        nextKernel.setId("stepperConvKernel");
        for (Button b : new Button[] {back, on, nextKernel}) {
            b.setFocusTraversable(false);
        }
        back.setOnAction(e -> slide(-1));
        on.setOnAction(e -> slide(1));
        nextKernel.setOnAction(e -> nextKernel());
        Label keys = new Label("Keys: , and . slide   K next kernel");
        keys.getStyleClass().add("wl-stepper-conv-note");
        FlowPane controls = new FlowPane(8, 4, back, on, nextKernel, keys);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        getChildren().addAll(title, canvas, sum, activation, controls, sharing, palette);
        show(false);
    }

    /** Follows the walk: the example shown in detail, through the walk's own copy of the network. */
    void update(StepThroughModel m) {
        Network net = m == null ? null : m.network();
        double[] x = m == null ? null : m.walkedInput();
        if (net == null || net.convCount() == 0 || x == null) {
            walk = null;
            walkedInput = null;
            show(false);
            return;
        }
        show(true);
        if (walk == null || !Arrays.equals(x, walkedInput)
                || !Arrays.equals(walk.conv().weightsCopy(), net.conv(0).weightsCopy())) {
            walk = ConvWalk.of(net, 0, x);
            walkedInput = x;
            kernel = Math.min(kernel, walk.conv().channels() - 1);
            position = Math.min(position, walk.positions() - 1);
        }
        render();
    }

    /** Comma and full stop slide the kernel, K takes the next one; false without a convolution or for other keys. */
    boolean handleKey(KeyCode code) {
        if (walk == null) {
            return false;
        }
        switch (code) {
            case COMMA -> slide(-1);
            case PERIOD -> slide(1);
            case K -> nextKernel();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Moves the kernel by {@code d} positions, row by row, wrapping around. */
    void slide(int d) {
        if (walk != null) {
            position = Math.floorMod(position + d, walk.positions());
            render();
        }
    }

    void nextKernel() {
        if (walk != null) {
            kernel = (kernel + 1) % walk.conv().channels();
            render();
        }
    }

    private void show(boolean visible) {
        setVisible(visible);
        setManaged(visible);
    }

    private void render() {
        ConvLayer conv = walk.conv();
        ConvWalk.Position p = walk.at(kernel, position);
        int k = conv.kernel();
        title.setText(String.format(Locale.ROOT, "Convolution: kernel %d of %d at row %d, column %d "
                        + "(position %d of %d)", kernel + 1, conv.channels(), p.row() + 1, p.column() + 1,
                position + 1, walk.positions()));
        var lines = walk.lines(p);
        sum.setText(lines.get(0));
        activation.setText(lines.get(1) + ": feature map " + (kernel + 1) + " at row " + (p.row() + 1)
                + ", column " + (p.column() + 1));
        sharing.setText(String.format(Locale.ROOT, "The same %d weights and bias at all %d positions. ",
                k * k * conv.channelsIn(), walk.positions())
                + ConvSharing.line(conv.channels(), conv.channelsIn(), k, conv.inputs(), conv.outputs()));
        canvas.setInk(title.getTextFill());
        canvas.show(walk, p);
    }

    // ---- for tests ----

    ConvWalk walk() {
        return walk;
    }

    ConvWalk.Position current() {
        return walk == null ? null : walk.at(kernel, position);
    }

    String sumText() {
        return sum.getText();
    }

    ConvSlideCanvas canvas() {
        return canvas;
    }
}
