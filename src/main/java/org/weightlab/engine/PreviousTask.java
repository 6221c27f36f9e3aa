package org.weightlab.engine;

import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.Dataset;

/**
 * Task A's test set, kept when a run moves on to a second data set (task B) with its weights, so
 * that forgetting can be measured: the loss and accuracy of the network being trained on B, on
 * A's test examples, with the same loss and the same evaluation as the run's own test set.
 */
final class PreviousTask {

    private static final int CHUNK = 256;

    private final double[] x;
    private final double[] y;
    private final int size;
    private final int inputs;
    private final boolean classification;
    private Workspace ws;

    PreviousTask(RunConfig taskA, Dataset test) {
        x = Examples.features(taskA.features(), test);
        y = Examples.labels(taskA, test, "task A's test");
        size = test.size();
        inputs = taskA.inputs();
        classification = taskA.problem() == ProblemKind.CLASSIFICATION;
    }

    /** {@code net}'s mean loss and accuracy on task A's test set (NaN for an empty set). */
    TaskScore evaluate(Network net) {
        if (size == 0) {
            return new TaskScore(Double.NaN, Double.NaN);
        }
        if (ws == null) {
            ws = new Workspace(net, CHUNK);
        }
        Layer out = net.output();
        int k = out.outputs();
        int last = net.moduleCount() - 1; // the output module's buffers
        double loss = 0;
        int correct = 0;
        for (int start = 0; start < size; start += CHUNK) {
            int n = Math.min(CHUNK, size - start);
            ws.load(x, start, n, inputs);
            net.forward(ws, n, 0, null);
            for (int b = 0; b < n; b++) {
                loss += Loss.value(net.loss(), ws.z[last], ws.a[last], b, ws.capacity, k, y[start + b]);
                if (Loss.correct(net.loss(), out.activation(), ws.a[last], b, ws.capacity, k, y[start + b])) {
                    correct++;
                }
            }
        }
        return new TaskScore(loss / size, classification ? (double) correct / size : Double.NaN);
    }
}
