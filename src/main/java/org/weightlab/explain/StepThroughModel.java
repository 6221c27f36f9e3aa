package org.weightlab.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.weightlab.engine.BatchNormTrace;
import org.weightlab.engine.Checkpoint;
import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.StepResult;
import org.weightlab.engine.Trace;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.ConvSnapshot;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;

/**
 * The walk through one real training step, one neuron at a time: forward, loss, backward, the
 * batch mean and the optimizer's update, with every number taken from the engine's own trace.
 *
 * <p>It works on a private copy of the run (a {@link Trainer} restored from a checkpoint), never
 * on the live engine's objects, so it can run on the FX thread: a trace of a network of this size
 * takes microseconds. {@link #apply()} takes the step on the copy, checks that the engine's result
 * equals the update shown bit for bit, and moves on to the next batch. Not thread-safe: one
 * thread (the FX thread) uses it.
 */
public final class StepThroughModel {

    /**
     * What {@link #apply()} did.
     *
     * @param matchesShown true when the engine's new weights equal the ones the walk showed, bit for bit
     */
    public record ApplyResult(long step, double batchLoss, boolean matchesShown, String message) {
    }

    private final Trainer trainer;
    private final Dataset train;
    private final String origin;
    private List<Stage> stages = List.of();
    private int index;
    /** Training-set indices of the current batch, or null when one example is walked on its own. */
    private int[] batch;
    private int detail;
    private WalkBuilder.BatchWalk batchWalk;
    private String notice = "";
    /** The raw (x1, x2) of the example walked on its own, or null in a batch walk. */
    private double[] singlePoint;
    /** The network inputs of the example shown in detail, or null before a walk starts. */
    private double[] detailInput;

    private StepThroughModel(Trainer trainer, Dataset train, String origin) {
        this.trainer = trainer;
        this.train = train;
        this.origin = origin;
    }

    /** An exact copy of a run: weights, optimizer state and position in the data. Starts on the next batch. */
    public static StepThroughModel fromCheckpoint(Checkpoint checkpoint, DataSplit data) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(data, "data");
        Trainer t = new Trainer(checkpoint.config(), data, checkpoint.network());
        t.restore(checkpoint);
        StepThroughModel m = new StepThroughModel(t, data.train(), "");
        m.startBatch();
        return m;
    }

    /**
     * A copy of the weights in a snapshot. A snapshot holds neither the optimizer's memory nor the
     * position in the epoch: the walk shows them as at the start of a run, and says so.
     */
    public static StepThroughModel fromSnapshot(TrainingSnapshot snapshot, DataSplit data) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(data, "data");
        RunConfig config = snapshot.config();
        List<Layer> layers = new ArrayList<>();
        for (LayerSnapshot s : snapshot.layers()) {
            layers.add(Layer.of(s.inputs(), s.outputs(), s.activation(), s.weights(), s.biases(), s.frozenWeights(),
                    s.frozenBiases()));
        }
        List<ConvLayer> conv = new ArrayList<>();
        for (ConvSnapshot c : snapshot.conv()) {
            conv.add(c.module());
        }
        Network net = new Network(snapshot.features(), config.loss(), conv, layers);
        StepThroughModel m = new StepThroughModel(new Trainer(config, data, net), data.train(),
                "From a snapshot: the optimizer's memory and the batch order start afresh. ");
        m.startBatch();
        return m;
    }

    // ---- choosing the example ----

    /** Walks the engine's next minibatch, detailing its first example. */
    public void startBatch() {
        batch = trainer.nextBatch();
        detail = 0;
        buildBatch();
    }

    /**
     * Walks training example {@code index}: inside the batch walk when it belongs to the next
     * batch, else on its own (the update then is the one this example alone would cause).
     */
    public void selectExample(int index) {
        if (index < 0 || index >= train.size()) {
            throw new IllegalArgumentException("training example " + index + " is outside 0.." + (train.size() - 1));
        }
        int[] next = trainer.nextBatch();
        for (int k = 0; k < next.length; k++) {
            if (next[k] == index) {
                batch = next;
                detail = k;
                buildBatch();
                return;
            }
        }
        singlePoint = train.planar() ? new double[] {train.x1(index), train.x2(index)} : null;
        walkSingle(trainer.trace(index), "training example " + index + " (not in the next batch)");
    }

    /** Walks an arbitrary point of the plane with the given label, on its own. */
    public void selectPoint(double x1, double x2, double label) {
        if (!Double.isFinite(x1) || !Double.isFinite(x2) || !Double.isFinite(label)) {
            throw new IllegalArgumentException("a point needs finite x1, x2 and label, got (" + x1 + ", " + x2
                    + ") label " + label);
        }
        singlePoint = new double[] {x1, x2};
        walkSingle(trainer.trace(x1, x2, label), "the point you picked");
    }

    /** Details the next example of the current batch (wrapping around); false outside a batch walk. */
    public boolean nextBatchExample() {
        if (batch == null) {
            return false;
        }
        detail = (detail + 1) % batch.length;
        buildBatch();
        return true;
    }

    private void walkSingle(Trace t, String name) {
        batch = null;
        batchWalk = null;
        detailInput = t.features();
        WalkBuilder b = builder();
        stages = b.single(t, name);
        index = 0;
        notice = origin;
    }

    private void buildBatch() {
        List<Trace> traces = new ArrayList<>(batch.length);
        for (int e : batch) {
            traces.add(trainer.trace(e));
        }
        detailInput = traces.get(detail).features();
        batchWalk = builder().batch(traces, batch, detail, trainer.stepCount());
        stages = batchWalk.stages();
        if (batch.length > 1) {
            // a batch-normalized layer couples the batch: its stop shows the batch's numbers for this example
            stages = BatchNormNotes.insert(stages, BatchNormTrace.ofBatch(trainer.network(), trainer.config().features(),
                    train, batch, detail, trainer.config().batchSize()), traces.get(detail), batch[detail],
                    trainer.network().layerCount());
        }
        index = 0;
        notice = origin + (trainer.config().dropout() > 0 ? "With dropout each example's masks here are drawn "
                + "alone; the applied step draws the batch's own masks." : "");
    }

    private WalkBuilder builder() {
        OptimizerMemory memory = OptimizerMemory.of(trainer.optimizerState());
        return new WalkBuilder(trainer.network(), trainer.config(), trainer.learningRate(), memory);
    }

    // ---- moving through the walk ----

    public boolean forward() {
        return goTo(index + 1);
    }

    public boolean back() {
        return goTo(index - 1);
    }

    /** To the first stage of the next layer (or phase). */
    public boolean forwardLayer() {
        int j = index + 1;
        while (j < stages.size() && sameGroup(stages.get(j), stages.get(index))) {
            j++;
        }
        return goTo(Math.min(j, stages.size() - 1));
    }

    /** To the start of this layer (or phase), or of the previous one when already there. */
    public boolean backLayer() {
        int start = groupStart(index);
        return goTo(start < index ? start : groupStart(Math.max(0, index - 1)));
    }

    public boolean home() {
        return goTo(0);
    }

    public boolean end() {
        return goTo(stages.size() - 1);
    }

    /** Moves to stage {@code i}; false (and no change) when it is outside the walk or already there. */
    public boolean goTo(int i) {
        if (i < 0 || i >= stages.size() || i == index) {
            return false;
        }
        index = i;
        return true;
    }

    private int groupStart(int i) {
        int j = i;
        while (j > 0 && sameGroup(stages.get(j - 1), stages.get(i))) {
            j--;
        }
        return j;
    }

    private static boolean sameGroup(Stage a, Stage b) {
        return a.phase() == b.phase() && a.layer() == b.layer();
    }

    // ---- applying ----

    /**
     * Takes the walked batch's step on the private copy and moves on to the next batch. The live
     * run takes the same step when the caller forwards it ({@code TrainingControl.stepBatch()}).
     *
     * @throws IllegalStateException outside a batch walk
     */
    public ApplyResult apply() {
        if (batchWalk == null) {
            throw new IllegalStateException("only a batch walk can be applied: this example is not the next batch");
        }
        WalkBuilder.BatchWalk shown = batchWalk;
        StepResult r = trainer.step();
        if (r.diverged()) {
            notice = origin + "The engine refused the step: " + r.divergence().message();
            return new ApplyResult(r.step(), r.batchLoss(), false, notice);
        }
        boolean same = true;
        Network net = trainer.network();
        for (int l = 0; l < net.layerCount(); l++) {
            same &= Arrays.equals(net.layer(l).weightsCopy(), shown.newWeights()[l])
                    && Arrays.equals(net.layer(l).biasesCopy(), shown.newBiases()[l]);
        }
        String message = same ? "Applied step " + r.step() + ": the engine's weights equal the ones shown, bit for bit."
                : "Applied step " + r.step() + ", but the engine's weights differ from the ones shown.";
        startBatch();
        notice = message + (notice.isEmpty() ? "" : " " + notice);
        return new ApplyResult(r.step(), r.batchLoss(), same, message);
    }

    // ---- reading ----

    public List<Stage> stages() {
        return stages;
    }

    public Stage stage() {
        return stages.get(index);
    }

    public int index() {
        return index;
    }

    public int size() {
        return stages.size();
    }

    public boolean batchMode() {
        return batch != null;
    }

    /** Training-set indices of the walked batch (empty outside a batch walk). */
    public int[] batch() {
        return batch == null ? new int[0] : batch.clone();
    }

    /**
     * The raw input point (x1, x2) of the example shown in detail, as the output plot draws it,
     * or null before a walk starts and for data of other than two columns.
     */
    public double[] walkedPoint() {
        if (!train.planar()) {
            return null; // data of other than two columns has no point in the plane
        }
        if (batch != null && detail < batch.length) {
            return new double[] {train.x1(batch[detail]), train.x2(batch[detail])};
        }
        return singlePoint == null ? null : singlePoint.clone();
    }

    /** The network inputs of the example shown in detail (a copy), or null before a walk starts. */
    public double[] walkedInput() {
        return detailInput == null ? null : detailInput.clone();
    }

    /** Position in the batch of the example shown in detail. */
    public int detail() {
        return detail;
    }

    /** The new weights of layer l that the shown update produces (batch walks only). */
    public double[] shownNewWeights(int layer) {
        return batchWalk == null ? null : batchWalk.newWeights()[layer].clone();
    }

    public double[] shownNewBiases(int layer) {
        return batchWalk == null ? null : batchWalk.newBiases()[layer].clone();
    }

    /** Neurons per column: the features first, then each layer. */
    public int[] widths() {
        Network net = trainer.network();
        int[] w = new int[net.layerCount() + 1];
        w[0] = net.inputs();
        for (int l = 0; l < net.layerCount(); l++) {
            w[l + 1] = net.layer(l).outputs();
        }
        return w;
    }

    public List<Feature> features() {
        return trainer.network().features();
    }

    public RunConfig config() {
        return trainer.config();
    }

    public long stepCount() {
        return trainer.stepCount();
    }

    /** A copy of the network the walk is computed on. */
    public Network network() {
        return trainer.network().copy();
    }

    public Dataset trainingSet() {
        return train;
    }

    /** A remark for the status line (how the walk was entered, what was applied), or "". */
    public String notice() {
        return notice;
    }
}
