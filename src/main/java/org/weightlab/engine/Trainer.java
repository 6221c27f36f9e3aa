package org.weightlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

/**
 * Owns the training loop of one run: minibatches, epochs, the optimizer, freezing and edits,
 * divergence, checkpoints, traces, statistics and fields. Not thread-safe: one engine thread
 * drives it; others get copies ({@link Network#copy()}, {@link #checkpoint()}).
 *
 * <p>Randomness comes from the config's seed through four {@link Rng} streams: 1 initial
 * weights, 2 the example order of each epoch, 3 dropout masks, 4 the A of LoRA adapters. The same config and data give
 * bit-identical weights and losses.
 */
public final class Trainer {

    private static final int EVAL_CHUNK = 256;

    private RunConfig config;
    private final int inputs;
    /** Training and test features [n][inputs] and labels, computed once from the raw points. */
    private final double[] trainX;
    private final double[] trainY;
    private final double[] testX;
    private final double[] testY;
    private final int trainSize;
    private final int testSize;
    private final Dataset trainSet;
    private final Dataset testSet;

    private final Network net;
    private OptimizerState optimizer;
    private Workspace batch;
    private Workspace evalSpace;
    /** Gradient of the current batch, then the proposed new values, per parameter ({@link Network#parameters()}). */
    private final double[][] grads;
    private final double[][] next;

    /** Example order of epoch {@code orderEpoch}; batches are its consecutive slices. */
    private int[] order;
    /** The partner of each position in this epoch's shuffle (scratch for {@link EpochOrder}). */
    private int[] swaps;
    private int orderEpoch = -1;
    private int cursor;
    private long step;
    private int epoch;
    private final Rng shuffleRng;
    private final Rng dropoutRng;
    private Divergence divergence;

    /** Bumped whenever a parameter or the config changes: keys the caches below. */
    private long version;
    private Evaluation cachedEvaluation;
    private long cachedEvaluationVersion = -1;
    private final LayerStatistics statistics;
    private FieldComputer field;
    /** Task A's test set once the run has moved on to task B ({@link #continueOn}), else null. */
    private PreviousTask taskA;

    /** A new run: the network is built and initialized from {@code config} and its seed. */
    public Trainer(RunConfig config, DataSplit data) {
        this(config, data, null);
    }

    /**
     * A run that starts from {@code initial} (weights, biases and frozen masks, e.g. from a
     * scenario file), copied; null means "initialize from the config".
     */
    public Trainer(RunConfig config, DataSplit data, Network initial) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        if (data.train() == null || data.train().size() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        if (initial == null) {
            net = Network.create(config);
        } else {
            initial.checkFits(config);
            net = initial.copy().withAdapters(config);
        }
        net.quantize(config.extras().quantization());
        inputs = net.inputs();
        trainSize = data.train().size();
        BatchNormBatches.check(net, config, trainSize);
        trainSet = data.train();
        trainX = Examples.features(config.features(), data.train());
        trainY = Examples.labels(config, data.train(), "training");
        Dataset test = data.test() == null ? new Dataset(new double[0], new double[0]) : data.test();
        testSet = test;
        testSize = test.size();
        testX = Examples.features(config.features(), test);
        testY = Examples.labels(config, test, "test");
        statistics = new LayerStatistics(net, trainX, trainSize);
        optimizer = new OptimizerState(net);
        grads = net.newParameterBuffers();
        next = net.newParameterBuffers();
        batch = new Workspace(net, Math.min(config.batchSize(), trainSize), true);
        shuffleRng = Rng.stream(config.seed(), 2);
        dropoutRng = Rng.stream(config.seed(), 3);
    }

    /**
     * True when going from {@code a} to {@code b} needs a new run (new data, features, topology,
     * activations, loss or initializer); every other change can be applied with
     * {@link #updateHyperparameters}.
     */
    public static boolean needsRebuild(RunConfig a, RunConfig b) {
        if (!RunConfig.sameData(a, b)
                || !a.features().equals(b.features()) || a.problem() != b.problem()
                || !a.hidden().equals(b.hidden()) || a.outputActivation() != b.outputActivation()
                || a.loss() != b.loss() || !a.init().equals(b.init()) || !a.biasInit().equals(b.biasInit())
                || !a.lora().equals(b.lora()) || !a.extras().batchNorm().equals(b.extras().batchNorm())
                || !a.extras().conv().equals(b.extras().conv())
                || !a.extras().conv().isEmpty() && a.activation() != b.activation()) {
            return true;
        }
        for (int l = 0; l < a.hidden().size(); l++) {
            if (a.hiddenActivation(l) != b.hiddenActivation(l)) {
                return true;
            }
        }
        return false;
    }

    // ---- the loop ----

    /** One optimizer step on the next minibatch. Does nothing once diverged. */
    public StepResult step() {
        if (divergence != null) {
            return new StepResult(step, epoch, Double.NaN, 0, false, divergence);
        }
        prepareOrder();
        int n = Math.min(config.batchSize(), trainSize - cursor);
        if (batch.capacity < n) {
            batch = new Workspace(net, n, true);
        }
        batch.gather(trainX, inputs, order, cursor, n);
        for (int b = 0; b < n; b++) {
            batch.labels[b] = trainY[order[cursor + b]];
        }
        double dropout = config.dropout();
        long dropoutBefore = dropoutRng.state();
        net.forward(batch, n, dropout, dropout > 0 ? dropoutRng : null);
        double loss = net.backward(batch, n, config.regularization(), grads);
        double lr = learningRate();

        boolean finite = propose(lr, grads, next, false);
        if (!Double.isFinite(loss) || !finite) {
            String bad = !Double.isFinite(loss) ? "the loss (" + loss + ")" : net.firstNonFinite("gradient", grads);
            if (bad == null) {
                bad = net.firstNonFinite("weight", next);
            }
            dropoutRng.setState(dropoutBefore);
            divergence = new Divergence(step + 1, epoch, bad);
            return new StepResult(step, epoch, loss, n, false, divergence);
        }
        if (!Optimizer.stateless(config.optimizer())) {
            propose(lr, grads, next, true); // same values again, now advancing the state
        }
        for (int j = 0; j < next.length; j++) {
            net.parameter(j).apply(next[j], grads[j]);
        }
        net.commitBatchStatistics(batch, n); // batch norms' running statistics (nothing without one)
        cursor += n;
        step++;
        version++;
        boolean epochEnded = cursor >= trainSize;
        if (epochEnded) {
            cursor = 0;
            epoch++;
        }
        return new StepResult(step, epoch, loss, n, epochEnded, null);
    }

    /**
     * The optimizer's new value of every parameter into {@code next} (per parameter, like
     * {@code g}); true when they and the gradients are all finite. With {@code commit} the
     * optimizer state advances too.
     */
    private boolean propose(double lr, double[][] g, double[][] next, boolean commit) {
        OptimizerConfig c = config.optimizer();
        boolean finite = true;
        for (int j = 0; j < g.length; j++) {
            Parameter p = net.parameter(j);
            finite &= Optimizer.update(c, lr, optimizer.slots[j], p.values, g[j], p.frozen, next[j], commit);
        }
        return finite;
    }

    /** Draws the example order at the first step of each epoch (identity without shuffling). */
    private void prepareOrder() {
        if (orderEpoch == epoch && order != null) {
            return;
        }
        if (order == null) {
            order = new int[trainSize];
        }
        drawOrder(shuffleRng, order);
        orderEpoch = epoch;
    }

    /** Writes this epoch's example order, drawn from {@code rng}, into {@code o} (see {@link EpochOrder}). */
    private void drawOrder(Rng rng, int[] o) {
        swaps = EpochOrder.draw(rng, o, trainSize, config.shuffle(), swaps);
    }

    /** Steps until the current epoch ends (a whole epoch when at its start), or training diverges. */
    public void runEpoch() {
        while (divergence == null) {
            if (step().epochEnded()) {
                return;
            }
        }
    }

    public void runEpochs(int n) {
        for (int i = 0; i < n && divergence == null; i++) {
            runEpoch();
        }
    }

    /** Runs {@code n} steps (fewer if training diverges). */
    public void runSteps(long n) {
        for (long i = 0; i < n && divergence == null; i++) {
            step();
        }
    }

    // ---- state ----

    public long stepCount() {
        return step;
    }

    public int epochCount() {
        return epoch;
    }

    /** Examples of the current epoch already used (the next batch starts there). */
    public int epochPosition() {
        return cursor;
    }

    public RunConfig config() {
        return config;
    }

    /**
     * The training-set indices of the examples the next {@link #step()} will use, in batch order
     * (a new array). Changes nothing: at the start of an epoch the shuffled order is drawn from a
     * copy of the shuffling generator, exactly as the step will draw it.
     */
    public int[] nextBatch() {
        int n = Math.min(config.batchSize(), trainSize - cursor);
        int[] batch = new int[n];
        if (orderEpoch == epoch && order != null) {
            System.arraycopy(order, cursor, batch, 0, n);
        } else {
            int[] fresh = new int[trainSize];
            drawOrder(shuffleRng.copy(), fresh);
            System.arraycopy(fresh, cursor, batch, 0, n);
        }
        return batch;
    }

    /**
     * A copy of the optimizer's per-parameter state (momentum buffers, AdaGrad sums, RMSprop
     * averages, Adam moments and step counts) as the next step will find it.
     */
    public OptimizerState optimizerState() {
        return optimizer.copy();
    }

    /** The live network: engine thread only. Use {@link Network#copy()} to hand it elsewhere. */
    public Network network() {
        return net;
    }

    public int trainSize() {
        return trainSize;
    }

    public int testSize() {
        return testSize;
    }

    /** The learning rate the next step uses: the schedule applied to the base rate at this epoch. */
    public double learningRate() {
        return config.schedule().rateAt(config.optimizer().learningRate(), epoch);
    }

    /** Null while training is healthy. */
    public Divergence divergence() {
        return divergence;
    }

    /** Lets training continue after a divergence (e.g. after lowering the learning rate). */
    public void clearDivergence() {
        divergence = null;
    }

    /**
     * Applies changed hyperparameters (learning rate, optimizer and its parameters, regularization,
     * schedule, batch size, shuffle, dropout) keeping all optimizer state, the step count and the
     * position in the epoch. A new batch size applies from the next step; a shuffle change from
     * the next epoch.
     *
     * @throws IllegalArgumentException if the change needs a rebuild ({@link #needsRebuild})
     */
    public void updateHyperparameters(RunConfig next) {
        Objects.requireNonNull(next, "config");
        if (needsRebuild(config, next)) {
            throw new IllegalArgumentException("this change needs a new run (data, features, topology, loss or "
                    + "initializer changed)");
        }
        BatchNormBatches.check(net, next, trainSize);
        config = next;
        net.quantize(next.extras().quantization());
        version++;
    }

    // ---- freezing and edits ----

    public void freezeWeight(int layer, int out, int in, boolean frozen) {
        Layer l = net.layer(layer);
        l.frozenWeights[l.index(out, in)] = frozen;
    }

    public void freezeBias(int layer, int out, boolean frozen) {
        Layer l = net.layer(layer);
        l.frozenBiases[l.checkOut(out)] = frozen;
    }

    /** Freezes a neuron: its incoming weights and its bias. */
    public void freezeNeuron(int layer, int out, boolean frozen) {
        Layer l = net.layer(layer);
        l.checkOut(out);
        Arrays.fill(l.frozenWeights, out * l.inputs(), (out + 1) * l.inputs(), frozen);
        l.frozenBiases[out] = frozen;
    }

    public void freezeLayer(int layer, boolean frozen) {
        Layer l = net.layer(layer);
        Arrays.fill(l.frozenWeights, frozen);
        Arrays.fill(l.frozenBiases, frozen);
    }

    /** Freezes kernel {@code kernel} of convolution {@code conv}: its weights (every input channel) and its bias. */
    public void freezeKernel(int conv, int kernel, boolean frozen) {
        net.conv(conv).freezeKernel(kernel, frozen);
    }

    /** Sets one weight; the optimizer state of that weight is kept. */
    public void setWeight(int layer, int out, int in, double value) {
        checkFinite(value);
        Layer l = net.layer(layer);
        l.weights[l.index(out, in)] = value;
        version++;
    }

    public void setBias(int layer, int out, double value) {
        checkFinite(value);
        Layer l = net.layer(layer);
        l.biases[l.checkOut(out)] = value;
        version++;
    }

    private static void checkFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a weight must be a finite number, got " + v);
        }
    }

    // ---- checkpoints ----

    public Checkpoint checkpoint() {
        return new Checkpoint(config, net.copy(), optimizer.copy(), step, epoch, cursor,
                order == null ? null : order.clone(), orderEpoch, shuffleRng.state(), dropoutRng.state(),
                divergence);
    }

    /** Puts the run back exactly as it was when {@code c} was taken (from this run or one like it). */
    public void restore(Checkpoint c) {
        if (!c.network.sameTopology(net) || (c.order != null && c.order.length != trainSize)) {
            throw new IllegalArgumentException("the checkpoint belongs to a run with another shape or data");
        }
        c.network.copyInto(net);
        optimizer = c.optimizer.copy();
        config = c.config;
        net.quantize(config.extras().quantization());
        step = c.step;
        epoch = c.epoch;
        cursor = c.cursor;
        order = c.order == null ? null : c.order.clone();
        orderEpoch = c.orderEpoch;
        shuffleRng.setState(c.shuffleState);
        dropoutRng.setState(c.dropoutState);
        divergence = c.divergence;
        version++;
    }

    /**
     * The run moved on to task B ({@code next}, {@code nextData}) keeping its weights, masks and
     * adapters: a new trainer whose step and epoch counts go on from here, with fresh optimizer
     * state, that keeps task A's test set (the first task's, after several moves) for
     * {@link #taskAScore()}.
     */
    public Trainer continueOn(RunConfig next, DataSplit nextData) {
        Trainer t = new Trainer(next, nextData, net);
        t.step = step;
        t.epoch = epoch;
        t.taskA = taskA != null ? taskA : new PreviousTask(config, testSet);
        return t;
    }

    /** The network's loss and accuracy on task A's test set after {@link #continueOn}; null before. */
    public TaskScore taskAScore() {
        return taskA == null ? null : taskA.evaluate(net);
    }

    // ---- evaluation ----

    /** Data losses and accuracies over the training and test sets (no dropout), and the penalty. */
    public Evaluation evaluate() {
        if (cachedEvaluation != null && cachedEvaluationVersion == version) {
            return cachedEvaluation;
        }
        double[] train = evaluateSet(trainX, trainY, trainSize);
        double[] test = evaluateSet(testX, testY, testSize);
        boolean classification = config.problem() == ProblemKind.CLASSIFICATION;
        cachedEvaluation = new Evaluation(train[0], test[0], classification ? train[1] : Double.NaN,
                classification ? test[1] : Double.NaN, net.penalty(config.regularization()));
        cachedEvaluationVersion = version;
        return cachedEvaluation;
    }

    /** {mean loss, accuracy} over a set; NaN for an empty set. */
    private double[] evaluateSet(double[] x, double[] y, int size) {
        if (size == 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        Workspace ws = evalSpace();
        Layer out = net.output();
        int k = out.outputs();
        int last = net.moduleCount() - 1; // the output module's buffers
        double loss = 0;
        int correct = 0;
        for (int start = 0; start < size; start += EVAL_CHUNK) {
            int n = Math.min(EVAL_CHUNK, size - start);
            ws.load(x, start, n, inputs);
            net.forward(ws, n, 0, null);
            for (int b = 0; b < n; b++) {
                double label = y[start + b];
                loss += Loss.value(net.loss(), ws.z[last], ws.a[last], b, ws.capacity, k, label);
                if (Loss.correct(net.loss(), out.activation(), ws.a[last], b, ws.capacity, k, label)) {
                    correct++;
                }
            }
        }
        return new double[]{loss / size, (double) correct / size};
    }

    private Workspace evalSpace() {
        if (evalSpace == null) {
            evalSpace = new Workspace(net, EVAL_CHUNK);
        }
        return evalSpace;
    }

    // ---- trace ----

    /** The trace of training example {@code index} (of the training set as stored). */
    public Trace trace(int index) {
        if (index < 0 || index >= trainSize) {
            throw new IllegalArgumentException("training example " + index + " is outside 0.." + (trainSize - 1));
        }
        // Data of other than two columns has no point (x1, x2): the trace's inputs are its features.
        double x1 = trainSet.planar() ? trainSet.x1(index) : Double.NaN;
        double x2 = trainSet.planar() ? trainSet.x2(index) : Double.NaN;
        return trace(x1, x2, trainX, index * inputs, trainY[index]);
    }

    /** The trace of the input values {@code x} (one per network input) with the given label. Changes nothing. */
    public Trace traceInputs(double[] x, double label) {
        if (x.length != inputs) {
            throw new IllegalArgumentException(x.length + " values for " + inputs + " inputs");
        }
        return trace(Double.NaN, Double.NaN, x.clone(), 0, label);
    }

    /** The trace of the raw point (x1, x2) with the given label. Changes nothing. */
    public Trace trace(double x1, double x2, double label) {
        double[] f = new double[inputs];
        for (int j = 0; j < inputs; j++) {
            f[j] = config.features().get(j).apply(x1, x2);
        }
        return trace(x1, x2, f, 0, label);
    }

    private Trace trace(double x1, double x2, double[] x, int offset, double label) {
        Workspace ws = new Workspace(net, 1);
        System.arraycopy(x, offset, ws.x, 0, inputs);
        ws.labels[0] = label;
        int layers = net.layerCount();
        double[][] g = net.newParameterBuffers();
        double[][] proposed = net.newParameterBuffers();
        double dropout = config.dropout();
        // The masks the next step would draw for a one-example batch, from a copy of the generator.
        net.forward(ws, 1, dropout, dropout > 0 ? dropoutRng.copy() : null);
        double[][] data = net.newParameterBuffers();
        net.backward(ws, 1, RegularizationConfig.NONE, data); // the data loss's gradient alone, for display
        double loss = net.backward(ws, 1, config.regularization(), g);
        double lr = learningRate();
        propose(lr, g, proposed, false);
        List<TraceLayer> out = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            Layer layer = net.layer(l);
            int m = net.moduleIndex(l); // the layer's buffers (after any convolutions)
            int w = net.firstParameter(m); // a dense layer's weight, then its bias
            int width = layer.outputs();
            double[] mask = l < layers - 1 && ws.masked[m] ? Arrays.copyOf(ws.mask[m], width) : filled(width);
            out.add(new TraceLayer(layer, Arrays.copyOf(ws.in[m], layer.inputs()), Arrays.copyOf(ws.z[m], width),
                    Arrays.copyOf(ws.a[m], width), mask, Arrays.copyOf(ws.da[m], width),
                    Arrays.copyOf(ws.dz[m], width), data[w], g[w], g[w + 1], proposed[w], proposed[w + 1]));
        }
        return new Trace(x1, x2, label, Arrays.copyOfRange(x, offset, offset + inputs), out, loss,
                net.penalty(config.regularization()), lr, step);
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }

    // ---- statistics ----

    /** Statistics of weight layer {@code layer} (0 = first hidden layer) at this moment. */
    public LayerStats stats(int layer) {
        net.layer(layer); // checks the index
        return statistics.stats(layer, version, evalSpace());
    }

    // ---- field ----

    /**
     * The output of every node over a {@code grid x grid} raster of [min, max]^2, in the layout of
     * {@code session.FieldSnapshot}: {@code out[0][feature]}, {@code out[l + 1][neuron]}, each
     * {@code grid * grid} values, index {@code row * grid + col}, x1 = min + col * step,
     * x2 = max - row * step (row 0 at the top). Reuses {@code out} when its shape fits; returns
     * the array written (a new one when {@code out} is null or misshapen).
     */
    public float[][][] computeField(int grid, double min, double max, float[][][] out) {
        if (grid < 2) {
            throw new IllegalArgumentException("the field grid needs at least 2 points a side, got " + grid);
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("the field range needs min < max, got " + min + ", " + max);
        }
        if (net.features().isEmpty()) {
            throw new IllegalStateException("the network's " + inputs + " inputs are data columns, not a 2-D plane");
        }
        if (field == null) {
            field = new FieldComputer(net);
        }
        return field.compute(grid, min, max, out);
    }
}
