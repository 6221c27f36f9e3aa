package org.weightlab.lessons;

import java.util.Locale;
import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.scenario.LessonStep;

/** The measures of the convolution lesson: what the first layer costs, and what sharing its weights saves. */
final class ConvMeasure {

    private ConvMeasure() {
    }

    /** The weights and biases of the first layer that reads the input: the first convolution, else the first dense layer. */
    static Measurement firstLayerParameters(LessonStep.Check c, Network net) {
        if (net.convCount() > 0) {
            ConvLayer conv = net.conv(0);
            return new Measurement(c.accepts(conv.parameterCount()), String.format(Locale.ROOT,
                    "the convolution has %d parameters (%d kernels of %dx%d and %d biases) for %d outputs",
                    conv.parameterCount(), conv.channels(), conv.kernel(), conv.kernel(), conv.channels(),
                    conv.outputs()));
        }
        Layer first = net.layer(0);
        int n = first.inputs() * first.outputs() + first.outputs();
        return new Measurement(c.accepts(n), String.format(Locale.ROOT,
                "the first dense layer has %d parameters (%d x %d weights and %d biases) for %d outputs", n,
                first.outputs(), first.inputs(), first.outputs(), first.outputs()));
    }

    /**
     * How many times more parameters a dense layer with the first convolution's inputs and outputs
     * would have than the convolution: (in * out + out) / (c * inC * k * k + c).
     */
    static Measurement weightSharing(LessonStep.Check c, Network net) {
        if (net.convCount() == 0) {
            return new Measurement(false, "the network has no convolution");
        }
        ConvLayer conv = net.conv(0);
        long dense = (long) conv.inputs() * conv.outputs() + conv.outputs();
        double ratio = (double) dense / conv.parameterCount();
        return new Measurement(c.accepts(ratio), String.format(Locale.ROOT,
                "a dense layer from the same %d inputs to the same %d outputs would have %d parameters, %s times the "
                        + "convolution's %d", conv.inputs(), conv.outputs(), dense, LessonMeasure.num(ratio),
                conv.parameterCount()));
    }
}
