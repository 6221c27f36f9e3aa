package org.weightlab.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Where things stand in the main window: menus and toolbar on top, the controls column on the
 * left, the centre tabs (with the divergence bar above them), output and loss on the right,
 * timeline and status bar at the bottom, and the frame-time meter and keyboard sheet laid over it all.
 */
final class WindowLayout {

    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final ScrollPane controlsColumn = new ScrollPane();
    /**
     * The advanced controls inside the column, which presentation mode hides; the lesson text above
     * them stays, so an instructor presenting a lesson keeps it in sight.
     */
    private final VBox advanced = new VBox();
    /** The centre tabs, with a bar above them that takes room only while it shows. */
    private final BorderPane centreArea = new BorderPane();
    /** True in presentation mode: the output and the loss chart take the larger share of the width. */
    private final javafx.beans.property.BooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty(false);
    /** True while the centre shows something that needs its width (the step-through's diagram and table). */
    private final javafx.beans.property.BooleanProperty centreWide = new javafx.beans.property.SimpleBooleanProperty(false);
    /** The data has no 2-D plane (digits, many columns): the output column holds no picture to make large. */
    private final javafx.beans.property.BooleanProperty planeless = new javafx.beans.property.SimpleBooleanProperty(false);

    WindowLayout() {
        root.getStyleClass().add("wl-root");
        root.getChildren().add(frame);
        centreArea.setId("centreArea");
        frame.setCenter(centreArea);
    }

    StackPane root() {
        return root;
    }

    /** The advanced controls, which presentation mode hides (the column goes when no lesson is open). */
    Node controlsColumn() {
        return advanced;
    }

    void setTop(MenuBar menus, ToolBar toolbar) {
        frame.setTop(new VBox(menus, toolbar));
    }

    /** The toolbar: the application's name, training's transport, the step-through switch and the theme switch. */
    static ToolBar toolbar(String name, Node transport, ToggleButton stepThrough, ToggleButton darkTheme) {
        darkTheme.setId("themeButton");
        darkTheme.setGraphic(new FontIcon("mdi2w-weather-night"));
        darkTheme.setTooltip(new Tooltip("Dark theme (Ctrl+T)"));
        darkTheme.setFocusTraversable(false);
        Label title = new Label(name);
        title.getStyleClass().add("wl-title");
        title.setId("appTitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Separator afterTitle = new Separator();
        afterTitle.setId("appTitleSeparator");
        ToolBar bar = new ToolBar(title, afterTitle, transport, stepThrough, spacer, darkTheme);
        bar.setId("toolbar");
        return bar;
    }

    void setLeft(Region lessonPanel, Region controls) {
        lessonPanel.setId("lessonPanel");
        lessonPanel.setVisible(false);
        lessonPanel.setManaged(false);
        advanced.getChildren().setAll(controls);
        controlsColumn.setContent(new VBox(8, lessonPanel, advanced));
        // The column shows while it holds something: the controls, or a lesson's text in presentation mode.
        var anything = advanced.visibleProperty().or(lessonPanel.visibleProperty());
        controlsColumn.visibleProperty().bind(anything);
        controlsColumn.managedProperty().bind(anything);
        controlsColumn.setId("controlsColumn");
        controlsColumn.setFitToWidth(true);
        controlsColumn.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // Side columns take a share of the window, within limits, so the network keeps the middle
        // on a 1024 x 768 projector as well as on a wide screen.
        controlsColumn.setMinWidth(250);
        controlsColumn.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> clamp(root.getWidth() * 0.21, 250, 340), root.widthProperty()));
        frame.setLeft(controlsColumn);
    }

    void setCentre(Node centre) {
        centreArea.setCenter(centre);
    }

    void setRight(Region output, Region loss) {
        output.setId("outputArea");
        loss.setId("lossArea");
        SplitPane right = new OutputColumn(output, loss);
        right.setId("outputColumn");
        right.setMinWidth(260);
        // On a projector the back row reads the output and the loss: they take over half the width.
        // Less while the step-through needs the centre for its diagram and formulas.
        right.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> presenting.get() ? presentingWidth()
                        : clamp(root.getWidth() * (planeless.get() ? 0.22 : 0.28), 260, 480),
                root.widthProperty(), presenting, centreWide, planeless, controlsColumn.widthProperty(),
                controlsColumn.visibleProperty()));
        frame.setRight(right);
    }

    /**
     * The output above the loss chart, split 55 : 45 or where the user drags the divider, but never
     * so low that the loss chart gets less than its least height (its plot keeps labelled ticks on
     * both axes): on a projector the larger type would otherwise push its axes out of the window.
     */
    static final class OutputColumn extends SplitPane {

        private static final double SHARE = 0.55;
        private final Region loss;
        /** The divider's position as set or dragged; the layout lowers it no further than the loss chart allows. */
        private double wanted = SHARE;
        private boolean clamping;

        OutputColumn(Region output, Region loss) {
            super(output, loss);
            this.loss = loss;
            setOrientation(Orientation.VERTICAL);
            setDividerPositions(SHARE);
            getDividers().get(0).positionProperty().addListener((obs, was, now) -> {
                if (!clamping) {
                    wanted = now.doubleValue();
                }
            });
        }

        @Override
        protected void layoutChildren() {
            double h = getHeight() - snappedTopInset() - snappedBottomInset();
            if (h > 0) {
                double lossNeeds = loss.minHeight(loss.getWidth() > 0 ? loss.getWidth() : -1) + DIVIDER;
                double position = Math.max(0.2, Math.min(wanted, 1 - lossNeeds / h));
                if (Math.abs(position - getDividerPositions()[0]) > 1e-4) {
                    clamping = true;
                    setDividerPosition(0, position);
                    clamping = false;
                }
            }
            super.layoutChildren();
        }

        /** About the divider's thickness in the window's themes. */
        private static final double DIVIDER = 6;
    }

    /** The centre's least width on a projector: the network graph's columns and names, the step-through's diagram. */
    static final double PRESENTING_MIN_CENTRE = 380;

    /** The output column's width on a projector when the data has no plane: the loss chart's header in one row. */
    static final double PLANELESS_WIDTH = 320;

    /**
     * The pictures' width in presentation mode: over half the window, less while the step-through
     * needs the centre, and never so much that the centre (beside a lesson's text) gets under
     * {@link #PRESENTING_MIN_CENTRE}.
     */
    private double presentingWidth() {
        double w = root.getWidth();
        double left = controlsColumn.isVisible() ? controlsColumn.getWidth() : 0;
        if (planeless.get()) {
            return PLANELESS_WIDTH; // the loss chart alone: the centre (image mode, the kernels, the step-through) takes the room
        }
        double share = w * (centreWide.get() ? 0.36 : 0.52);
        return Math.max(260, Math.min(share, w - left - PRESENTING_MIN_CENTRE));
    }

    /** Data without a 2-D plane: the output column keeps to the loss chart's width, the centre gets the rest. */
    void setPlaneless(boolean on) {
        planeless.set(on);
    }

    boolean planeless() {
        return planeless.get();
    }

    /** Whether the centre shows something that needs its width (the step-through): the pictures then take less. */
    javafx.beans.property.BooleanProperty centreWideProperty() {
        return centreWide;
    }

    /** Presentation mode on or off: the pictures' share of the width. */
    void setPresenting(boolean on) {
        presenting.set(on);
    }

    void setBottom(Region timeline, Region status) {
        status.setId("statusBar");
        timeline.setPadding(new Insets(4, 8, 4, 8));
        timeline.getStyleClass().add("wl-timeline-bar");
        frame.setBottom(new VBox(timeline, status));
    }

    /**
     * The divergence bar at the top of the centre area: it pushes the centre down by its height and
     * covers no view, so the blow-up it reports stays in sight in the graph, the output and the loss
     * chart. Over the window: the meter bottom right, the keyboard sheet.
     */
    void addOverlays(Node banner, Node meter, Node shortcuts) {
        centreArea.setTop(banner);
        StackPane.setAlignment(meter, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(meter, new Insets(0, 16, 48, 0));
        meter.setVisible(false);
        root.getChildren().addAll(meter, shortcuts);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
