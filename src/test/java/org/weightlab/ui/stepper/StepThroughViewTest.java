package org.weightlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trace;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.TrainingControl;
import org.weightlab.explain.NumberText;
import org.weightlab.explain.Phase;

@ExtendWith(ApplicationExtension.class)
class StepThroughViewTest {

    private StepThroughView view;
    private StepThroughViewModel model;
    private Trainer live;
    private DataSplit data;
    private final AtomicInteger exits = new AtomicInteger();

    @Start
    void start(Stage stage) {
        RunConfig config = RunConfig.defaults();
        data = DataGenerator.generate(config);
        live = new Trainer(config, data);
        live.runSteps(12);
        model = new StepThroughViewModel();
        view = new StepThroughView(model);
        model.setOnExit(exits::incrementAndGet);
        model.enter(live.checkpoint(), data);
        stage.setScene(new Scene(view, 1100, 750));
        stage.show();
        view.requestFocus();
    }

    @Test
    void rightThenLeftReturnsToTheSameStageAndPanelText(FxRobot robot) {
        robot.interact(view::requestFocus);
        robot.type(KeyCode.RIGHT, 3);
        String before = view.panelText();
        int at = model.indexProperty().get();
        assertEquals(3, at);
        robot.type(KeyCode.RIGHT, 6);
        assertEquals(9, model.indexProperty().get());
        assertNotEquals(before, view.panelText());
        robot.type(KeyCode.LEFT, 6);
        assertEquals(at, model.indexProperty().get());
        assertEquals(before, view.panelText());
        assertEquals((at + 1) + " / " + model.sizeProperty().get(), label(robot, "#stepperPosition"));
    }

    @Test
    void manyStepsForwardAndBackLeaveThePanelAsItWas(FxRobot robot) {
        press(robot, KeyCode.RIGHT, false, 2);
        String before = view.panelText();
        press(robot, KeyCode.RIGHT, false, 25);
        assertNotEquals(before, view.panelText());
        press(robot, KeyCode.LEFT, false, 25);
        assertEquals(2, model.indexProperty().get());
        assertEquals(before, view.panelText());
    }

    @Test
    void homeAndEndJumpToTheFirstAndLastStage(FxRobot robot) {
        press(robot, KeyCode.END, false, 1);
        assertEquals(model.sizeProperty().get() - 1, model.indexProperty().get());
        assertEquals(Phase.APPLY, model.getStage().phase());
        assertTrue(view.panelText().contains("Enter"));
        press(robot, KeyCode.HOME, false, 1);
        assertEquals(0, model.indexProperty().get());
        assertEquals(Phase.INPUT, model.getStage().phase());
    }

    @Test
    void shiftRightJumpsALayer(FxRobot robot) {
        press(robot, KeyCode.RIGHT, false, 1);
        assertEquals(Phase.FORWARD, model.getStage().phase());
        assertEquals(0, model.getStage().layer());
        press(robot, KeyCode.RIGHT, true, 1);
        assertEquals(1, model.getStage().layer());
        assertEquals(0, model.getStage().neuron());
        assertTrue(view.diagram().isActive(2, 0), "the active neuron is lit in the diagram");
        assertFalse(view.diagram().isActive(1, 0));
    }

    @Test
    void escapeCallsTheExitCallback(FxRobot robot) {
        press(robot, KeyCode.ESCAPE, false, 1);
        assertEquals(1, exits.get());
        assertFalse(model.isActive());
        press(robot, KeyCode.RIGHT, false, 1);
        assertEquals(0, model.indexProperty().get(), "keys do nothing after leaving");
    }

    @Test
    void everyNumberInThePanelIsTheTracesValueToFourDigits(FxRobot robot) {
        Trace t = live.trace(model.model().batch()[0]);
        Parent panel = robot.lookup("#stepperFormula").queryAs(Parent.class);
        List<String> wrong = new ArrayList<>();
        AtomicInteger checked = new AtomicInteger();
        // The whole walk in one FX task: the panel is rebuilt synchronously on each key.
        robot.interact(() -> {
            for (int i = 0; i < model.sizeProperty().get(); i++) {
                org.weightlab.explain.Stage s = model.getStage();
                for (Text text : keyedNumbers(panel)) {
                    double shown = (double) text.getUserData();
                    if (!NumberText.format(shown).equals(text.getText())) {
                        wrong.add(s.title() + ": " + text.getText() + " for " + shown);
                    }
                    String key = (String) text.getProperties().get("key");
                    Double expected = expected(t, s, key);
                    if (expected != null) {
                        checked.incrementAndGet();
                        if (expected != shown) {
                            wrong.add(s.title() + " " + key + ": shows " + shown + ", trace has " + expected);
                        }
                    }
                }
                view.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.RIGHT, false, false, false, false));
            }
        });
        assertEquals(List.of(), wrong);
        assertTrue(checked.get() > 40, "checked " + checked + " numbers");
    }

    /** The trace's value for a panel key, or null for keys this test does not map. */
    private static Double expected(Trace t, org.weightlab.explain.Stage s, String key) {
        if (s.phase() == Phase.FORWARD) {
            return switch (key) {
                case "z" -> t.layer(s.layer()).z()[s.neuron()];
                case "a" -> t.layer(s.layer()).a()[s.neuron()];
                default -> key.startsWith("in") ? t.layer(s.layer()).input()[Integer.parseInt(key.substring(2))] : null;
            };
        }
        if (s.phase() == Phase.LOSS && key.equals("loss")) {
            return t.loss();
        }
        if (s.phase() == Phase.BACKWARD) {
            return switch (key) {
                case "delta" -> t.layer(s.layer()).dLdz()[s.neuron()];
                case "dLda" -> t.layer(s.layer()).dLda()[s.neuron()];
                case "gb" -> t.layer(s.layer()).biasGradients()[s.neuron()];
                default -> {
                    if (!key.startsWith("gw")) {
                        yield null;
                    }
                    int in = t.layer(s.layer()).inputs();
                    yield t.layer(s.layer()).dataWeightGradients()[s.neuron() * in + Integer.parseInt(key.substring(2))];
                }
            };
        }
        return null;
    }

    @Test
    void enterAppliesTheStepToTheLiveRunThroughTheTrainingControl(FxRobot robot) {
        AtomicInteger steps = new AtomicInteger();
        TrainingControl control = (TrainingControl) java.lang.reflect.Proxy.newProxyInstance(
                TrainingControl.class.getClassLoader(), new Class<?>[] {TrainingControl.class}, (p, m, args) -> {
                    if (m.getName().equals("stepBatch")) {
                        steps.incrementAndGet();
                    }
                    return null;
                });
        robot.interact(() -> model.setTrainingControl(control));
        press(robot, KeyCode.ENTER, false, 1);
        assertEquals(Phase.APPLY, model.getStage().phase(), "Enter first goes to the apply stage");
        assertEquals(0, steps.get());
        press(robot, KeyCode.ENTER, false, 1);
        assertEquals(1, steps.get());
        assertEquals(0, model.indexProperty().get(), "the next batch starts");
        assertTrue(label(robot, "#stepperStatus").contains("bit for bit"), label(robot, "#stepperStatus"));
        assertEquals(13, model.model().stepCount());
    }

    @Test
    void notANumberIsNamedAndExplained(FxRobot robot) {
        // Linear units with huge weights: the output's z is inf - inf.
        RunConfig c = RunConfig.defaults().withFeatures(List.of(Feature.X1, Feature.X2))
                .withHidden(List.of(2), List.of())
                .withActivations(ActivationKind.LINEAR, ActivationKind.LINEAR, LossKind.MSE,
                        RunConfig.defaults().problem());
        Network net = new Network(c.features(), LossKind.MSE, List.of(
                Layer.of(2, 2, ActivationKind.LINEAR, new double[] {1e200, 0, 1e200, 0}, new double[2], null, null),
                Layer.of(2, 1, ActivationKind.LINEAR, new double[] {1e200, -1e200}, new double[1], null, null)));
        Trainer broken = new Trainer(c, data, net);
        robot.interact(() -> {
            model.enter(broken.checkpoint(), data);
            model.selectPoint(1, 0, 1);
        });
        press(robot, KeyCode.RIGHT, false, 3);
        assertEquals(Phase.FORWARD, model.getStage().phase());
        assertEquals(1, model.getStage().layer());
        String panel = view.panelText();
        assertTrue(panel.contains("NaN"), panel);
        assertTrue(panel.contains("not a number"), panel);
        assertTrue(view.diagram().captionText().contains("not a number"), "the diagram names it too");
    }

    /** Sends key presses through the view's own key handling (fast; one test above uses the real robot). */
    private void press(FxRobot robot, KeyCode code, boolean shift, int times) {
        robot.interact(() -> {
            for (int i = 0; i < times; i++) {
                view.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false));
            }
        });
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static List<Text> keyedNumbers(Parent root) {
        List<Text> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Text> out) {
        if (n instanceof Text t && t.getProperties().containsKey("key")) {
            out.add(t);
        } else if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
