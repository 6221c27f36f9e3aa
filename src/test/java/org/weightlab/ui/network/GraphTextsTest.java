package org.weightlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.TestSnapshots;

/** The graph's hover texts name parts as the markers do and offer what Alt+click would do now. */
@ExtendWith(ApplicationExtension.class)
class GraphTextsTest {

    private static final RunConfig CONFIG = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 3);

    private static String lastLine(String text) {
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    @Test
    void tooltipsOfferToUnfreezeWhatIsFrozenAndToFreezeWhatIsNot() {
        // neuron 3 of layer 1: both weights and its bias frozen; weight x1 -> neuron 1 frozen alone
        TrainingSnapshot s = TestSnapshots.of(CONFIG).frozenWeights(0, true, false, false, false, true, true)
                .frozenBiases(0, false, false, true).build();
        assertEquals("Click to edit, Alt+click to unfreeze", lastLine(GraphTexts.describeEdge(s, new EdgeRef(0, 0, 0))));
        assertEquals("Click to edit, Alt+click to freeze", lastLine(GraphTexts.describeEdge(s, new EdgeRef(0, 0, 1))));
        assertEquals("Alt+click to unfreeze the neuron", lastLine(GraphTexts.describeNeuron(s, 0, 2)));
        assertEquals("Alt+click to freeze the neuron", lastLine(GraphTexts.describeNeuron(s, 0, 0)));
        assertEquals("Click to edit, Alt+click to unfreeze", lastLine(GraphTexts.describeBias(s, 0, 2)));
        assertEquals("Click to edit, Alt+click to freeze", lastLine(GraphTexts.describeBias(s, 0, 1)));
    }

    @Test
    void partsAreNamedAsTheGraphShowsThem() {
        TrainingSnapshot s = TestSnapshots.of(CONFIG).build();
        assertEquals("Weight x2 \u2192 layer 1 neuron 3", GraphTexts.weightTitle(s, new EdgeRef(0, 2, 1)));
        assertEquals("Weight layer 1 neuron 2 \u2192 output", GraphTexts.weightTitle(s, new EdgeRef(1, 0, 1)));
        assertEquals("Bias of output", GraphTexts.biasTitle(s, 1, 0));
        assertTrue(GraphTexts.describeNeuron(s, 0, 0).startsWith("Layer 1 neuron 1 ("));
    }

    @Test
    void theLayerTitleOffersToUnfreezeAFrozenLayer() {
        LayerHeader h = new LayerHeader(0, false);
        assertEquals("Alt+click or right-click to freeze the whole layer", h.titleTip());
        h.showFrozen(true);
        assertEquals("Alt+click or right-click to unfreeze the whole layer", h.titleTip());
        h.showFrozen(false);
        assertEquals("Alt+click or right-click to freeze the whole layer", h.titleTip());
    }
}
