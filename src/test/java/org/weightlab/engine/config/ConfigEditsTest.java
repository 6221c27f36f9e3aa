package org.weightlab.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigEditsTest {

    private final RunConfig base = RunConfig.defaults(); // x1 x2, [4, 2] tanh, tanh output, mse

    @Test
    void featuresToggleInCanonicalOrderAndOneStaysOn() {
        RunConfig c = ConfigEdits.toggleFeature(base, Feature.SIN_X1);
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.SIN_X1), c.features());
        c = ConfigEdits.toggleFeature(c, Feature.X1_SQUARED);
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED, Feature.SIN_X1), c.features());
        assertEquals(List.of(Feature.X2), ConfigEdits.toggleFeature(base, Feature.X1).features());
        RunConfig one = base.withFeatures(List.of(Feature.X2));
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigEdits.toggleFeature(one, Feature.X2));
        assertEquals("At least one input feature must stay on", e.getMessage());
    }

    @Test
    void layersAreAddedAndRemovedWithinZeroToEight() {
        assertEquals(List.of(4, 2, 2), ConfigEdits.addLayer(base).hidden());
        assertEquals(List.of(4), ConfigEdits.removeLayer(base).hidden());
        RunConfig none = base.withHidden(List.of(), List.of());
        assertEquals(List.of(2), ConfigEdits.addLayer(none).hidden());
        assertThrows(IllegalArgumentException.class, () -> ConfigEdits.removeLayer(none));
        RunConfig eight = base.withHidden(List.of(1, 1, 1, 1, 1, 1, 1, 1), List.of());
        assertThrows(IllegalArgumentException.class, () -> ConfigEdits.addLayer(eight));
    }

    @Test
    void perLayerActivationsFollowAddedAndRemovedLayers() {
        RunConfig relu = ConfigEdits.setHiddenActivation(base, 1, ActivationKind.RELU);
        assertEquals(List.of(ActivationKind.TANH, ActivationKind.RELU), relu.layerActivations());
        assertEquals(List.of(ActivationKind.TANH, ActivationKind.RELU, ActivationKind.TANH),
                ConfigEdits.addLayer(relu).layerActivations());
        assertEquals(List.of(ActivationKind.TANH), ConfigEdits.removeLayer(relu).layerActivations());
        assertThrows(IllegalArgumentException.class,
                () -> ConfigEdits.setHiddenActivation(base, 0, ActivationKind.SOFTMAX));
    }

    @Test
    void neuronsStayBetweenOneAndSixteen() {
        assertEquals(List.of(5, 2), ConfigEdits.changeNeurons(base, 0, 1).hidden());
        assertEquals(List.of(4, 1), ConfigEdits.changeNeurons(base, 1, -1).hidden());
        RunConfig one = base.withHidden(List.of(1), List.of());
        assertThrows(IllegalArgumentException.class, () -> ConfigEdits.changeNeurons(one, 0, -1));
        RunConfig full = base.withHidden(List.of(16), List.of());
        assertThrows(IllegalArgumentException.class, () -> ConfigEdits.changeNeurons(full, 0, 1));
    }

    @Test
    void outputActivationBringsAFittingLoss() {
        assertEquals(LossKind.CROSS_ENTROPY,
                ConfigEdits.setOutputActivation(base, ActivationKind.SOFTMAX).loss());
        RunConfig sigmoid = ConfigEdits.setOutputActivation(base, ActivationKind.SIGMOID);
        assertEquals(LossKind.MSE, sigmoid.loss(), "mse still fits a sigmoid output: kept");
        RunConfig bce = base.withActivations(ActivationKind.TANH, ActivationKind.SIGMOID, LossKind.BCE,
                ProblemKind.CLASSIFICATION);
        assertEquals(LossKind.MSE, ConfigEdits.setOutputActivation(bce, ActivationKind.TANH).loss());
        RunConfig softmax = ConfigEdits.setOutputActivation(base, ActivationKind.SOFTMAX);
        assertEquals(LossKind.BCE, ConfigEdits.setOutputActivation(softmax, ActivationKind.SIGMOID).loss());
    }

    @Test
    void everyOfferedOutputActivationGivesAValidConfig() {
        RunConfig relu = ConfigEdits.setHiddenActivation(base, 0, ActivationKind.RELU);
        RunConfig three = base.withActivations(ActivationKind.TANH, ActivationKind.SOFTMAX, LossKind.CROSS_ENTROPY,
                ProblemKind.CLASSIFICATION).withDataset(DatasetKind.SPIRAL3);
        RunConfig b = base;
        RunConfig regression = new RunConfig(DatasetKind.PLANE, b.samples(), b.noise(), b.trainFraction(), b.seed(),
                b.features(), ProblemKind.REGRESSION, b.hidden(), b.activation(), b.layerActivations(),
                ActivationKind.LINEAR, LossKind.MSE, b.init(), b.biasInit(), b.optimizer(), b.regularization(),
                b.schedule(), b.batchSize(), b.shuffle(), b.dropout());
        for (RunConfig c : List.of(relu, three, regression)) {
            for (ActivationKind a : ConfigEdits.outputChoices(c)) {
                RunConfig next = ConfigEdits.setOutputActivation(c, a); // the constructor checks the loss rules
                assertEquals(a, next.outputActivation());
                assertEquals(c.layerActivations(), next.layerActivations(), "per-layer activations are kept");
            }
        }
        assertEquals(List.of(ActivationKind.SOFTMAX), ConfigEdits.outputChoices(three));
        assertEquals(List.of(ActivationKind.TANH, ActivationKind.SIGMOID, ActivationKind.LINEAR, ActivationKind.RELU,
                ActivationKind.LEAKY_RELU, ActivationKind.SOFTMAX), ConfigEdits.outputChoices(base));
        assertEquals(List.of(ActivationKind.TANH, ActivationKind.SIGMOID, ActivationKind.LINEAR, ActivationKind.RELU,
                ActivationKind.LEAKY_RELU), ConfigEdits.outputChoices(regression));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigEdits.setOutputActivation(regression, ActivationKind.SOFTMAX));
    }
}
