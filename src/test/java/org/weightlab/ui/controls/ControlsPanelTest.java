package org.weightlab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;

@ExtendWith(ApplicationExtension.class)
class ControlsPanelTest {

    private final RecordingControl control = new RecordingControl();
    private ControlsPanel panel;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        panel = new ControlsPanel(control, RunConfig.defaults());
        Scene scene = new Scene(panel, 320, 760);
        scene.getStylesheets().add(ControlsPanel.class.getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private <T extends Node> T node(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    /** Visible on screen: the node and all its parents are visible. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void type(FxRobot robot, String fieldId, String text) {
        TextField field = node(robot, fieldId, TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
        });
        robot.type(KeyCode.ENTER);
    }

    @Test
    void typingALearningRateAndEnterAppliesItAndMovesTheSlider(FxRobot robot) {
        type(robot, "#learningRateField", "0.3");
        assertEquals(List.of("applyConfig"), control.commands);
        RunConfig sent = control.lastConfig();
        assertEquals(0.3, sent.optimizer().learningRate());
        assertEquals(RunConfig.defaults().withOptimizer(RunConfig.defaults().optimizer().withLearningRate(0.3)), sent,
                "only the learning rate changed");
        assertEquals(Math.log10(0.3), node(robot, "#learningRateSlider", Slider.class).getValue(), 1e-12);
        assertTrue(node(robot, "#lastChange", Label.class).getText().contains(ControlsPanel.LIVE_TEXT));
    }

    @Test
    void aBadLearningRateShowsAMessageAndSendsNothing(FxRobot robot) {
        Label message = node(robot, "#learningRateFieldMessage", Label.class);
        type(robot, "#learningRateField", "abc");
        assertTrue(shown(message));
        assertTrue(message.getText().contains("not a number"), message.getText());
        type(robot, "#learningRateField", "20");
        assertTrue(shown(message));
        assertTrue(message.getText().contains("between"), message.getText());
        assertTrue(control.commands.isEmpty(), "sent " + control.commands);
        assertEquals(Math.log10(0.03), node(robot, "#learningRateSlider", Slider.class).getValue(), 1e-12);
        assertEquals(0.03, panel.config().optimizer().learningRate());
    }

    @Test
    void movingTheSliderSendsARoundedRate(FxRobot robot) {
        Slider slider = node(robot, "#learningRateSlider", Slider.class);
        robot.interact(() -> slider.setValue(Math.log10(0.1234)));
        assertEquals(0.12, control.lastConfig().optimizer().learningRate(), 1e-15);
        assertEquals("0.12", node(robot, "#learningRateField", TextField.class).getText());
    }

    @Test
    void choosingAdamShowsItsBetasAndHidesMomentum(FxRobot robot) {
        assertTrue(shown(node(robot, "#momentumField", TextField.class)));
        assertFalse(shown(node(robot, "#beta1Field", TextField.class)));
        @SuppressWarnings("unchecked")
        ComboBox<OptimizerKind> box = node(robot, "#optimizerBox", ComboBox.class);
        robot.interact(() -> box.setValue(OptimizerKind.ADAM));
        assertTrue(shown(node(robot, "#beta1Field", TextField.class)));
        assertTrue(shown(node(robot, "#beta2Field", TextField.class)));
        assertTrue(shown(node(robot, "#epsField", TextField.class)));
        assertFalse(shown(node(robot, "#momentumField", TextField.class)));
        assertFalse(shown(node(robot, "#nesterovCheck", CheckBox.class)));
        assertFalse(shown(node(robot, "#weightDecayField", TextField.class)));
        assertEquals(OptimizerKind.ADAM, control.lastConfig().optimizer().kind());
        assertEquals(0.03, control.lastConfig().optimizer().learningRate(), "the learning rate carries over");

        type(robot, "#beta1Field", "0.8");
        assertEquals(0.8, control.lastConfig().optimizer().beta1());
    }

    @Test
    void changingTheDatasetSendsItAndRebuilds(FxRobot robot) {
        robot.interact(() -> node(robot, "#dataset-xor", ToggleButton.class).fire());
        assertEquals(DatasetKind.XOR, control.lastConfig().dataset());
        // the same shape: by default the weights trained so far carry over to the new data
        assertEquals("applyConfigKeepingWeights", control.commands.get(control.commands.size() - 1));
        assertTrue(node(robot, "#lastChange", Label.class).getText().contains(Effect.KEPT_WEIGHTS_TEXT));
        robot.interact(() -> node(robot, "#keepWeightsBox", javafx.scene.control.CheckBox.class).fire());
        robot.interact(() -> node(robot, "#dataset-circle", ToggleButton.class).fire());
        assertEquals("applyConfig", control.commands.get(control.commands.size() - 1), "start fresh when asked to");
        assertTrue(node(robot, "#lastChange", Label.class).getText().contains(ControlsPanel.REBUILD_TEXT));
        robot.interact(() -> node(robot, "#keepWeightsBox", javafx.scene.control.CheckBox.class).fire());

        // three classes need softmax + cross_entropy: the panel picks it and offers nothing else
        robot.interact(() -> node(robot, "#dataset-spiral3", ToggleButton.class).fire());
        RunConfig sent = control.lastConfig();
        assertEquals(DatasetKind.SPIRAL3, sent.dataset());
        assertEquals(LossKind.CROSS_ENTROPY, sent.loss());
        assertEquals(ActivationKind.SOFTMAX, sent.outputActivation());
        @SuppressWarnings("unchecked")
        ComboBox<ConfigEdits.Output> output = node(robot, "#outputBox", ComboBox.class);
        assertEquals(List.of(new ConfigEdits.Output(ActivationKind.SOFTMAX, LossKind.CROSS_ENTROPY)), output.getItems());
        assertTrue(node(robot, "#problemLabel", Label.class).getText().contains("3 classes"));

        robot.interact(() -> node(robot, "#dataset-sine", ToggleButton.class).fire());
        assertEquals("regression", control.lastConfig().problem().id());
        assertEquals(LossKind.MSE, control.lastConfig().loss());
        assertEquals(4, control.configs.size(), "xor, circle, spiral3, sine");
    }

    @Test
    void setConfigShowsEverythingAndSendsNothing(FxRobot robot) {
        RunConfig c = RunConfig.defaults().withDataset(DatasetKind.MOONS)
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAMW, 0.005))
                .withBatch(25, true).withDropout(0.2);
        robot.interact(() -> panel.setConfig(c));
        assertTrue(control.commands.isEmpty(), "sent " + control.commands);
        assertEquals("0.005", node(robot, "#learningRateField", TextField.class).getText());
        assertEquals(Math.log10(0.005), node(robot, "#learningRateSlider", Slider.class).getValue(), 1e-12);
        assertTrue(node(robot, "#dataset-moons", ToggleButton.class).isSelected());
        assertEquals("25", node(robot, "#batchField", TextField.class).getText());
        assertTrue(shown(node(robot, "#weightDecayField", TextField.class)));
        assertEquals(0.2, node(robot, "#dropoutSlider", Slider.class).getValue(), 1e-12);
    }

    @Test
    void aBatchLargerThanTheTrainingSetIsRefused(FxRobot robot) {
        type(robot, "#batchField", "251");
        assertTrue(shown(node(robot, "#batchFieldMessage", Label.class)));
        type(robot, "#batchField", "0");
        assertTrue(control.commands.isEmpty(), "sent " + control.commands);
        type(robot, "#batchField", "250");
        assertEquals(250, control.lastConfig().batchSize(), "the whole training set (500 * 0.5) is allowed");
    }

    @Test
    void theLastFeatureCannotBeRemoved(FxRobot robot) {
        robot.interact(() -> node(robot, "#feature-x2", CheckBox.class).fire());
        assertEquals(List.of(org.weightlab.engine.config.Feature.X1), control.lastConfig().features());
        robot.interact(() -> node(robot, "#feature-x1", CheckBox.class).fire());
        assertTrue(node(robot, "#feature-x1", CheckBox.class).isSelected());
        assertTrue(shown(node(robot, "#featureMessage", Label.class)));
        assertEquals(1, control.configs.size());
    }

    @Test
    void theNoiseSliderRunsToFiftyPercentWhichIsTheConfigsOne(FxRobot robot) {
        Slider noise = node(robot, "#noiseSlider", Slider.class);
        robot.interact(() -> noise.setValue(20));
        assertEquals(0.4, control.lastConfig().noise(), 1e-12, "20% is TF Playground's noise 20, config noise 0.4");
        robot.interact(() -> noise.setValue(50));
        assertEquals(1.0, control.lastConfig().noise(), 1e-12);
    }

    @Test
    void theShuffleSwitchSendsShuffleOff(FxRobot robot) {
        atlantafx.base.controls.ToggleSwitch sw = node(robot, "#shuffleSwitch", atlantafx.base.controls.ToggleSwitch.class);
        assertTrue(sw.isSelected());
        robot.interact(() -> sw.setSelected(false));
        assertFalse(control.lastConfig().shuffle());
        assertEquals(RunConfig.defaults().batchSize(), control.lastConfig().batchSize());
    }

    @Test
    void reinitializeAsksForNewWeights(FxRobot robot) {
        robot.interact(() -> node(robot, "#reinitButton", javafx.scene.control.Button.class).fire());
        assertEquals(List.of("reinitialize"), control.commands);
    }

    @Test
    void everyControlHasATooltipAndEverySectionSaysLiveOrRebuild(FxRobot robot) {
        int checked = 0;
        for (String kind : new String[] {".combo-box", ".text-field", ".slider", ".check-box", ".toggle-button", ".button",
            ".toggle-switch"}) {
            for (Node n : robot.lookup(kind).queryAll()) {
                if (n instanceof Control c && !(n.getParent() instanceof ComboBox)) {
                    assertNotNull(c.getTooltip(), "no tooltip on " + n);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 40, "checked only " + checked + " controls");
        assertEquals("live", node(robot, "#trainingMode", Label.class).getText());
        assertEquals("rebuilds", node(robot, "#dataMode", Label.class).getText());
        assertEquals("rebuilds", node(robot, "#modelMode", Label.class).getText());
        assertEquals(3, robot.lookup(".titled-pane").queryAllAs(TitledPane.class).size());
        assertTrue(((Parent) panel.getContent()).getChildrenUnmodifiable().size() >= 3);
    }

    @Test
    void theConvolutionChoiceShowsForImagesOnlyAndSendsTheKernels(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<List<org.weightlab.engine.config.ConvSpec>> conv = node(robot, "#convBox", ComboBox.class);
        assertFalse(shown(conv), "2-D data has no picture to slide a kernel over");

        RunConfig digits = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS);
        robot.interact(() -> panel.setConfig(digits));
        assertTrue(shown(conv), "digits are pictures: the choice shows");
        assertEquals(List.of(), conv.getValue());
        assertTrue(control.commands.isEmpty(), "showing a config sends nothing");

        robot.interact(() -> conv.setValue(List.of(new org.weightlab.engine.config.ConvSpec(4, 3))));
        assertEquals(List.of("applyConfig"), control.commands);
        assertEquals(List.of(new org.weightlab.engine.config.ConvSpec(4, 3)), control.lastConfig().extras().conv());
        assertEquals("4 kernels of 3x3", ModelSection.convName(control.lastConfig().extras().conv()));
    }
}
