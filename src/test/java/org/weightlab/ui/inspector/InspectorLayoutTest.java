package org.weightlab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.analysis.EngineRun;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

/**
 * The inspector fits the space the window gives it: at 1600x1000 (about 820x760 for the centre)
 * and in presentation mode at 1024x768 (about 500x560), with a deep network (six hidden layers
 * of eight on seven features), no text is cut, no chart label overlaps another, and nothing
 * needs a horizontal scrollbar.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorLayoutTest {

    private InspectorModel model;
    private InspectorView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        model = new InspectorModel();
        view = new InspectorView(model);
        // A plain pane sizes the inspector to its preferred size: each test sets it.
        Scene scene = new Scene(new javafx.scene.layout.Pane(view), 1400, 900);
        scene.getStylesheets().add(InspectorView.class.getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static List<TrainingSnapshot> deepRun() {
        RunConfig c = RunConfig.defaults();
        c = c.withFeatures(List.of(org.weightlab.engine.config.Feature.values())).withHidden(
                List.of(8, 8, 8, 8, 8, 8), List.of());
        EngineRun run = new EngineRun(c);
        List<TrainingSnapshot> snaps = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            run.trainer().step();
            snaps.add(run.snapshot(20));
        }
        return snaps;
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void showDeepRunAt(double width, double height) {
        List<TrainingSnapshot> snaps = deepRun();
        fx(() -> {
            view.setMinSize(width, height);
            view.setPrefSize(width, height);
            view.setMaxSize(width, height);
            view.getScene().getRoot().layout();
            for (TrainingSnapshot s : snaps) {
                model.show(s);
            }
            model.selectEdge(0, 2, 1);
            view.applyCss();
            view.getScene().getRoot().layout();
            view.redrawNow();
            view.getScene().getRoot().layout();
            if (Math.abs(view.getWidth() - width) > 0.5) {
                throw new AssertionError("the inspector is " + view.getWidth() + " wide, not " + width);
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void collect(Node n, List<Node> out) {
        if (!n.isVisible()) {
            return;
        }
        out.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** True when the label shows less than its text (the skin writes an ellipsis or cuts it). */
    static boolean isTruncated(Labeled l) {
        for (Node n : l.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.text.Text t) {
                String shown = t.getText().replace("\n", "").replace(" ", "");
                return !shown.equals(l.getText().replace("\n", "").replace(" ", ""));
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"820, 760", "500, 560"})
    void nothingIsCutOrOverlapsAndNothingScrollsSideways(double width, double height) {
        showDeepRunAt(width, height);
        List<String> problems = fx(() -> {
            List<String> out = new ArrayList<>();
            List<Node> nodes = new ArrayList<>();
            collect(view, nodes);
            ScrollPane scroll = (ScrollPane) view.lookup("#inspectorScroll");
            Bounds viewport = scroll.getViewportBounds();
            double contentWidth = scroll.getContent().getLayoutBounds().getWidth();
            if (contentWidth > viewport.getWidth() + 0.5) {
                out.add("content " + contentWidth + " wider than the viewport " + viewport.getWidth());
            }
            Bounds inView = view.localToScene(view.getLayoutBounds());
            for (Node n : nodes) {
                if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
                    if (isTruncated(l)) {
                        out.add("truncated: " + l.getText());
                    }
                    Bounds b = l.localToScene(l.getLayoutBounds());
                    if (b.getMaxX() > inView.getMaxX() + 0.5) {
                        out.add("past the right edge: " + l.getText());
                    }
                }
                if (n instanceof CanvasPane c) {
                    List<Bounds> texts = c.drawnText();
                    if (texts.isEmpty()) {
                        out.add(c.getStyleClass() + " drew no labels");
                    }
                    for (int i = 0; i < texts.size(); i++) {
                        Bounds a = texts.get(i);
                        if (a.getMinX() < -0.5 || a.getMaxX() > c.getWidth() + 0.5 || a.getMinY() < -0.5
                                || a.getMaxY() > c.getHeight() + 0.5) {
                            out.add(c.getStyleClass() + ": a label leaves the chart " + a);
                        }
                        for (int j = i + 1; j < texts.size(); j++) {
                            if (a.intersects(texts.get(j))) {
                                out.add(c.getStyleClass() + ": labels overlap " + a + " " + texts.get(j));
                            }
                        }
                    }
                }
            }
            // Inside each matrix panel: title, cells and legend one below the other, all inside the panel.
            for (MatrixPanel p : List.of(view.weightsPanel(), view.gradientsPanel())) {
                List<Node> parts = p.getChildrenUnmodifiable();
                for (int i = 0; i + 1 < parts.size(); i++) {
                    if (parts.get(i).getBoundsInParent().getMaxY() > parts.get(i + 1).getBoundsInParent().getMinY()) {
                        out.add(p.getId() + ": part " + i + " runs into part " + (i + 1));
                    }
                }
                Bounds last = parts.get(parts.size() - 1).getBoundsInParent();
                if (last.getMaxY() > p.getHeight() + 0.5) {
                    out.add(p.getId() + ": its legend hangs below the panel");
                }
            }
            // Tiles of one grid never overlap.
            for (String id : List.of("#inspectorCharts", "#inspectorMatrices")) {
                List<Node> tiles = ((Parent) view.lookup(id)).getChildrenUnmodifiable().stream()
                        .filter(Node::isManaged).toList();
                for (int i = 0; i < tiles.size(); i++) {
                    for (int j = i + 1; j < tiles.size(); j++) {
                        if (tiles.get(i).getBoundsInParent().intersects(tiles.get(j).getBoundsInParent())) {
                            out.add(id + ": tiles " + i + " and " + j + " overlap");
                        }
                    }
                }
            }
            return out;
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aNarrowInspectorPutsItsChartsInMoreRowsAndShrinksTheCells() {
        showDeepRunAt(820, 760);
        double[] wide = fx(() -> new double[] {view.weightsPanel().matrix.cellWidth(),
            view.lookup("#inspectorCharts").getLayoutBounds().getHeight()});
        showDeepRunAt(500, 560);
        double[] narrow = fx(() -> new double[] {view.weightsPanel().matrix.cellWidth(),
            view.lookup("#inspectorCharts").getLayoutBounds().getHeight()});
        assertTrue(narrow[0] < wide[0], "cells shrink: " + wide[0] + " -> " + narrow[0]);
        assertTrue(narrow[1] > wide[1], "more rows of charts: " + wide[1] + " -> " + narrow[1]);
    }

    @Test
    void aSnapshotMarksOneRedrawHoweverManyArriveInAFrame() {
        List<TrainingSnapshot> snaps = deepRun();
        long[] draws = fx(() -> {
            view.redrawNow();
            long before = view.draws();
            for (TrainingSnapshot s : snaps) {
                model.show(s);
            }
            boolean pending = view.isRedrawPending();
            view.redrawNow();
            return new long[] {before, view.draws(), pending ? 1 : 0};
        });
        assertEquals(1, draws[2], "the snapshots wait for the redraw pass");
        assertEquals(draws[0] + 1, draws[1], "sixty snapshots, one drawing");
    }

    @Test
    void whileTrainingRunsTheChartsOverTheStepsAreDrawnAtMostTenTimesASecond() {
        List<TrainingSnapshot> snaps = new ArrayList<>();
        for (TrainingSnapshot s : deepRun()) {
            snaps.add(new TrainingSnapshot(s.step(), s.epoch(), SessionState.RUNNING, s.config(), s.features(),
                    s.layers(), s.trainLoss(), s.testLoss(), s.trainAccuracy(), s.testAccuracy(), s.penalty(),
                    s.learningRate(), s.field(), s.data()));
        }
        long[] r = fx(() -> {
            model.show(snaps.get(0));
            view.redrawNow();
            long draws = view.draws();
            long history = view.historyDraws();
            long t0 = System.nanoTime();
            for (TrainingSnapshot s : snaps.subList(1, 21)) {
                model.show(s);
                view.redrawNow();
            }
            long elapsed = System.nanoTime() - t0;
            return new long[] {view.draws() - draws, view.historyDraws() - history, elapsed};
        });
        assertEquals(20, r[0], "every snapshot drawn in the matrices and histograms");
        long allowed = 1 + (long) (r[2] * InspectorView.HISTORY_PER_SECOND / 1e9);
        assertTrue(r[1] <= allowed, r[1] + " drawings of the charts over the steps in " + r[2] / 1e6
                + " ms, at most " + allowed);
    }
}
