package org.weightlab.explain;

import static org.weightlab.explain.Notation.*;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.Activation;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trace;
import org.weightlab.engine.TraceLayer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.explain.DiagramMarks.EdgeKind;
import org.weightlab.explain.FormulaLine.Kind;

/**
 * Turns engine traces into the stages of a walk: every number comes from a {@link Trace} or
 * from the network the trace was taken on; only the batch sum, its mean and the optimizer's
 * update are computed here, in the engine's order of operations.
 */
final class WalkBuilder {

    /** Parameter tables with more rows than this show the first rows and a count of the rest. */
    static final int MAX_ROWS = 16;

    /** A batch walk and the parameters its update produces. */
    record BatchWalk(List<Stage> stages, double[][] newWeights, double[][] newBiases, double batchLoss) {
    }

    private final Network net;
    private final RunConfig config;
    private final double lr;
    private final OptimizerMemory memory;
    private final int layers;
    private final int[] widths;

    WalkBuilder(Network net, RunConfig config, double lr, OptimizerMemory memory) {
        this.net = net;
        this.config = config;
        this.lr = lr;
        this.memory = java.util.Objects.requireNonNull(memory, "memory");
        this.layers = net.layerCount();
        widths = new int[layers + 1];
        widths[0] = net.inputs();
        for (int l = 0; l < layers; l++) {
            widths[l + 1] = net.layer(l).outputs();
        }
    }

    int[] widths() {
        return widths.clone();
    }

    // ---- the walks ----

    /** One example on its own: forward, loss, backward, and the update it alone would cause. */
    List<Stage> single(Trace t, String exampleName) {
        List<Stage> stages = new ArrayList<>();
        stages.add(input(t, exampleName, null));
        exampleStages(t, stages, false);
        for (int l = 0; l < layers; l++) {
            TraceLayer tl = t.layer(l);
            for (int o = 0; o < widths[l + 1]; o++) {
                stages.add(update(t, l, o, tl.weightGradients(), tl.biasGradients(), false, 1));
            }
        }
        return stages;
    }

    /**
     * A minibatch: example {@code detail} in full, then every example's gradients added to the
     * running sum, the mean, the update of every neuron and the step ready to apply.
     */
    BatchWalk batch(List<Trace> traces, int[] indices, int detail, long step) {
        int n = traces.size();
        Trace t = traces.get(detail);
        List<Stage> stages = new ArrayList<>();
        stages.add(input(t, "example " + indices[detail] + " (" + (detail + 1) + " of " + n + " in the batch)",
                null));
        exampleStages(t, stages, true);

        double[][] sumW = new double[layers][];
        double[][] sumB = new double[layers][];
        for (int l = 0; l < layers; l++) {
            sumW[l] = new double[net.layer(l).inputs() * widths[l + 1]];
            sumB[l] = new double[widths[l + 1]];
        }
        double lossSum = 0;
        for (int k = 0; k < n; k++) {
            Trace tk = traces.get(k);
            double[][] gW = new double[layers][];
            double[][] gB = new double[layers][];
            // Summed in example order, like the engine's batch backward pass, so the mean is bit-identical.
            for (int l = 0; l < layers; l++) {
                gW[l] = tk.layer(l).dataWeightGradients();
                gB[l] = tk.layer(l).biasGradients();
                for (int j = 0; j < gW[l].length; j++) {
                    sumW[l][j] += gW[l][j];
                }
                for (int j = 0; j < gB[l].length; j++) {
                    sumB[l][j] += gB[l][j];
                }
            }
            lossSum += tk.loss();
            stages.add(accumulate(tk, k, n, indices[k], gW, gB, sumW, sumB, lossSum));
        }
        double[][] gradW = new double[layers][];
        double[][] gradB = new double[layers][];
        double[][] meanW = new double[layers][];
        for (int l = 0; l < layers; l++) {
            meanW[l] = new double[sumW[l].length];
            gradW[l] = new double[sumW[l].length];
            gradB[l] = new double[sumB[l].length];
            double[] w = net.layer(l).weightsCopy();
            for (int j = 0; j < sumW[l].length; j++) {
                meanW[l][j] = sumW[l][j] / n;
                gradW[l][j] = meanW[l][j] + regularization(config.regularization(), w[j]);
            }
            for (int j = 0; j < sumB[l].length; j++) {
                gradB[l][j] = sumB[l][j] / n;
            }
        }
        double batchLoss = lossSum / n;
        stages.add(mean(n, sumW, sumB, meanW, gradW, gradB, batchLoss));

        double[][] newW = new double[layers][];
        double[][] newB = new double[layers][];
        for (int l = 0; l < layers; l++) {
            newW[l] = new double[gradW[l].length];
            newB[l] = new double[gradB[l].length];
            for (int o = 0; o < widths[l + 1]; o++) {
                Stage s = update(t, l, o, gradW[l], gradB[l], true, n);
                stages.add(s);
                // every new weight of the row, also those a long row leaves out of its table
                int in = widths[l];
                System.arraycopy(s.marks().edgeValues(), 0, newW[l], o * in, in);
                newB[l][o] = s.value("b.after");
            }
        }
        stages.add(apply(n, batchLoss, step));
        return new BatchWalk(stages, newW, newB, batchLoss);
    }

    private void exampleStages(Trace t, List<Stage> stages, boolean inBatch) {
        for (int l = 0; l < layers; l++) {
            for (int o = 0; o < widths[l + 1]; o++) {
                stages.add(forward(t, l, o));
            }
        }
        stages.add(loss(t));
        for (int l = layers - 1; l >= 0; l--) {
            for (int o = 0; o < widths[l + 1]; o++) {
                stages.add(backward(t, l, o, inBatch));
            }
        }
    }

    // ---- stages ----

    private Stage input(Trace t, String exampleName, String note) {
        List<FormulaLine> lines = new ArrayList<>();
        double[] f = t.features();
        if (net.features().isEmpty()) {
            lines.addAll(LongSums.columnInputs(exampleName, f));
        } else {
            lines.add(FormulaLine.of(Kind.NOTE).word(capitalize(exampleName) + ":  point (").num(t.x1(), "point.x1")
                    .op(", ").num(t.x2(), "point.x2").op(")").build());
        }
        for (int i = 0; i < f.length && !net.features().isEmpty(); i++) {
            Feature feature = net.features().get(i);
            FormulaLine.Builder b = FormulaLine.of(Kind.NUMBERS).addAll(featureName(feature)).op(" = ");
            if (feature != Feature.X1 && feature != Feature.X2) {
                b.addAll(featureFormula(feature, t.x1(), t.x2())).op(" = ");
            }
            lines.add(b.num(f[i], "x" + i).build());
        }
        lines.add(target(net.loss(), t));
        if (note != null) {
            lines.add(FormulaLine.of(Kind.NOTE).word(note).build());
        }
        return new Stage(Phase.INPUT, -1, -1, "Input: " + exampleName, lines, null,
                marks(-1, -1, null, EdgeKind.NONE, t, 0, -1, false));
    }

    private Stage forward(Trace t, int l, int o) {
        TraceLayer tl = t.layer(l);
        Layer layer = net.layer(l);
        int in = layer.inputs();
        double[] x = tl.input();
        double[] z = tl.z();
        double[] a = tl.a();
        List<FormulaLine> lines = new ArrayList<>();
        // The weights the layer computes with: quantized, or W + (alpha/r) B A with an adapter.
        double[] w = layer.effectiveWeightsCopy();

        FormulaLine.Builder rule = FormulaLine.of(Kind.RULE).add(zSym(l, o)).op(" = ");
        FormulaLine.Builder nums = FormulaLine.of(Kind.NUMBERS).op("= ");
        FormulaLine note = LongSums.sum(rule, nums, w, o * in, x, in, i -> weightSym(l, o, i),
                i -> inputName(l, i));
        rule.op(" + ").add(biasSym(l, o));
        nums.op(" + ").factor(layer.bias(o), "b");
        lines.add(rule.build());
        lines.add(nums.build());
        lines.add(FormulaLine.of(Kind.RESULT).op("= ").num(z[o], "z").build());
        lines.addAll(ForwardNotes.of(layer, o, x));
        if (note != null) {
            lines.add(note);
        }
        lines.add(activationLine(layer.activation(), l, o, z, a));
        double m = tl.dropoutMask()[o];
        if (m != 1.0) {
            lines.add(FormulaLine.of(Kind.NOTE).word(m == 0 ? "dropout: this unit is dropped for this example, "
                    + "the next layer receives 0" : "dropout: kept and scaled by ").num(m == 0 ? 0 : m, "mask")
                    .word(m == 0 ? "" : ", the next layer receives ").num(a[o] * m, "passed").build());
        }
        String title = "Forward \u00b7 " + layerName(l) + " \u00b7 neuron " + (o + 1) + " of " + widths[l + 1];
        return new Stage(Phase.FORWARD, l, o, title, lines, null,
                marks(l + 1, o, x, EdgeKind.INPUT, t, l + 1, o, false));
    }

    private Stage loss(Trace t) {
        TraceLayer out = t.output();
        double[] a = out.a();
        double label = t.label();
        int l = layers - 1;
        List<FormulaLine> lines = new ArrayList<>();
        lines.add(target(net.loss(), t));
        switch (net.loss()) {
            case MSE -> {
                FormulaLine.Builder rule = FormulaLine.of(Kind.RULE).sym("L").op(" = \u00bd");
                FormulaLine.Builder nums = FormulaLine.of(Kind.NUMBERS).op("= \u00bd");
                for (int k = 0; k < a.length; k++) {
                    if (k > 0) {
                        rule.op(" + ");
                        nums.op(" + ");
                    }
                    rule.op("(").add(aSym(l, k)).op(" \u2212 ").sym("t").op(")").sym("", "2", "");
                    nums.op("(").num(a[k], "a" + k).op(" \u2212 ").factor(label, null).op(")").sym("", "2", "");
                }
                lines.add(rule.build());
                lines.add(nums.build());
            }
            case BCE -> {
                double tt = (label + 1) / 2;
                lines.add(FormulaLine.of(Kind.RULE).sym("L").op(" = \u2212(").sym("t").op("\u00b7").word("log ")
                        .sym("p").op(" + (1 \u2212 ").sym("t").op(")\u00b7").word("log(1 \u2212 ").sym("p").op("))")
                        .word("    p = ").add(aSym(l, 0)).build());
                lines.add(FormulaLine.of(Kind.NUMBERS).op("= \u2212(").num(tt).op("\u00b7").word("log ")
                        .num(a[0], "a0").op(" + ").num(1 - tt).op("\u00b7").word("log(1 \u2212 ").num(a[0]).op("))")
                        .build());
            }
            case CROSS_ENTROPY -> {
                int c = (int) label;
                lines.add(FormulaLine.of(Kind.RULE).sym("L").op(" = \u2212").word("log ").sym("p", "", "c")
                        .word("   (the softmax probability of the target class)").build());
                lines.add(FormulaLine.of(Kind.NUMBERS).op("= \u2212").word("log ").num(a[c], "a" + c).build());
            }
        }
        lines.add(FormulaLine.of(Kind.RESULT).op("= ").num(t.loss(), "loss").build());
        if (config.regularization().kind() != RegularizationKind.NONE) {
            lines.add(FormulaLine.of(Kind.NOTE).word(config.regularization().kind().id()
                    + " penalty of the weights, reported separately: ").num(t.penalty(), "penalty").build());
        }
        return new Stage(Phase.LOSS, l, -1, "Loss \u00b7 " + net.loss().id(), lines, null,
                marks(widths[layers] == 1 ? layers : -1, 0, null, EdgeKind.NONE, t, layers, widths[layers] - 1, false));
    }

    private Stage backward(Trace t, int l, int o, boolean inBatch) {
        TraceLayer tl = t.layer(l);
        Layer layer = net.layer(l);
        int in = layer.inputs();
        double[] z = tl.z();
        double[] a = tl.a();
        double[] dLda = tl.dLda();
        double[] dz = tl.dLdz();
        double[] x = tl.input();
        double[] gw = tl.dataWeightGradients();
        boolean output = l == layers - 1;
        List<FormulaLine> lines = new ArrayList<>();
        Token.Sym delta = deltaSym(l, o);

        if (output && net.loss() == LossKind.BCE) {
            double tt = (t.label() + 1) / 2;
            lines.add(FormulaLine.of(Kind.RULE).add(delta).op(" = \u2202").sym("L").op("/\u2202").add(zSym(l, o))
                    .op(" = ").sym("p").op(" \u2212 ").sym("t")
                    .word("   (sigmoid and cross-entropy: the f\u2032 cancels)").build());
            lines.add(FormulaLine.of(Kind.NUMBERS).op("= ").num(a[o], "a").op(" \u2212 ").num(tt, "t").op(" = ")
                    .num(dz[o], "delta").build());
            lines.add(FormulaLine.of(Kind.NOTE).word("(\u2202L/\u2202p = ").num(dLda[o], "dLda")
                    .word(" times \u03c3\u2032(z) = ").num(Activation.derivative(ActivationKind.SIGMOID, z[o], a[o]),
                            "fprime").word(")").build());
        } else if (output && net.loss() == LossKind.CROSS_ENTROPY) {
            int c = (int) t.label();
            lines.add(FormulaLine.of(Kind.RULE).add(delta).op(" = \u2202").sym("L").op("/\u2202").add(zSym(l, o))
                    .op(" = ").sym("p", "", String.valueOf(o + 1)).op(" \u2212 [").sym("k").op(" = ").sym("c")
                    .op("]").word("   (softmax and cross-entropy together)").build());
            lines.add(FormulaLine.of(Kind.NUMBERS).op("= ").num(a[o], "a").op(" \u2212 ").num(o == c ? 1 : 0)
                    .op(" = ").num(dz[o], "delta").build());
        } else {
            if (output) {
                lines.add(FormulaLine.of(Kind.RULE).op("\u2202").sym("L").op("/\u2202").add(aSym(l, o)).op(" = ")
                        .add(aSym(l, o)).op(" \u2212 ").sym("t").op(" = ").num(a[o]).op(" \u2212 ")
                        .factor(t.label(), null).op(" = ").num(dLda[o], "dLda").build());
            } else {
                Layer next = net.layer(l + 1);
                double[] nextDelta = t.layer(l + 1).dLdz();
                int outs = next.outputs();
                FormulaLine.Builder rule = FormulaLine.of(Kind.RULE).op("\u2202").sym("L").op("/\u2202")
                        .add(aSym(l, o)).op(" = ");
                FormulaLine.Builder nums = FormulaLine.of(Kind.NUMBERS).op("= ");
                int prev = -1;
                for (int k : shownTerms(outs)) {
                    if (prev >= 0) {
                        rule.op(" + ");
                        nums.op(" + ");
                        if (k != prev + 1) {
                            rule.gap(k - prev - 1, "terms").op(" + ");
                            nums.gap(k - prev - 1, "terms").op(" + ");
                        }
                    }
                    rule.add(weightSym(l + 1, k, o)).op("\u00b7").add(deltaSym(l + 1, k));
                    nums.factor(next.weight(k, o), "wnext" + k).op("\u00b7").factor(nextDelta[k], "deltanext" + k);
                    prev = k;
                }
                double m = tl.dropoutMask()[o];
                if (m != 1.0) {
                    rule.op(" \u00d7 ").word("dropout mask");
                    nums.op(" \u00d7 ").num(m, "mask");
                }
                lines.add(rule.build());
                lines.add(nums.op(" = ").num(dLda[o], "dLda").build());
            }
            double fp = Activation.derivative(layer.activation(), z[o], a[o]);
            lines.add(derivativeLine(layer.activation(), l, o, z[o], a[o], fp));
            lines.add(FormulaLine.of(Kind.RULE).add(delta).op(" = \u2202").sym("L").op("/\u2202").add(zSym(l, o))
                    .op(" = \u2202").sym("L").op("/\u2202").add(aSym(l, o)).op(" \u00b7 ").sym("f\u2032")
                    .op("(").add(zSym(l, o)).op(")").build());
            lines.add(FormulaLine.of(Kind.NUMBERS).op("= ").factor(dLda[o], null).op(" \u00b7 ").factor(fp, null)
                    .op(" = ").num(dz[o], "delta").build());
        }
        // Gradients of this neuron's incoming weights and its bias.
        lines.add(FormulaLine.of(Kind.RULE).op("\u2202").sym("L").op("/\u2202").add(weightSym(l, o, -1))
                .op(" = ").add(delta).op(" \u00b7 ").addAll(inputName(l, -1)).build());
        int prev = -1;
        for (int i : shownTerms(in)) {
            if (prev >= 0 && i != prev + 1) {
                lines.add(FormulaLine.of(Kind.NOTE).gap(i - prev - 1, "weights").build());
            }
            lines.add(FormulaLine.of(Kind.NUMBERS).op("\u2202").sym("L").op("/\u2202").add(weightSym(l, o, i))
                    .op(" = ").factor(dz[o], null).op(" \u00b7 ").factor(x[i], null).op(" = ")
                    .num(gw[o * in + i], "gw" + i).build());
            prev = i;
        }
        lines.add(FormulaLine.of(Kind.NUMBERS).op("\u2202").sym("L").op("/\u2202").add(biasSym(l, o)).op(" = ")
                .add(delta).op(" = ").num(tl.biasGradients()[o], "gb").build());
        if (config.regularization().kind() != RegularizationKind.NONE) {
            lines.add(FormulaLine.of(Kind.NOTE).word(inBatch
                    ? "regularization is added once, to the batch mean (weights only)"
                    : "the optimizer also sees the regularization term (weights only): see the update").build());
        }
        String title = "Backward \u00b7 " + layerName(l) + " \u00b7 neuron " + (o + 1) + " of " + widths[l + 1];
        double[] edge = new double[in];
        System.arraycopy(gw, o * in, edge, 0, in);
        return new Stage(Phase.BACKWARD, l, o, title, lines, null,
                marks(l + 1, o, edge, EdgeKind.GRADIENT, t, l + 1, o, true));
    }

    private FormulaLine derivativeLine(ActivationKind kind, int l, int o, double z, double a, double fp) {
        FormulaLine.Builder b = FormulaLine.of(Kind.NUMBERS).sym("f\u2032").op("(").add(zSym(l, o)).op(") = ");
        switch (kind) {
            case LINEAR -> b.word("1 (linear)");
            case RELU -> b.word(z > 0 ? "1 because z > 0 (relu)" : "0 because z \u2264 0 (relu)");
            case LEAKY_RELU -> b.word(z > 0 ? "1 because z > 0 (leaky_relu)" : "0.01 because z \u2264 0 (leaky_relu)");
            case TANH -> b.op("1 \u2212 ").add(aSym(l, o)).sym("", "2", "").op(" = 1 \u2212 ").factor(a, null)
                    .sym("", "2", "");
            case SIGMOID, SOFTMAX -> b.add(aSym(l, o)).op("(1 \u2212 ").add(aSym(l, o)).op(") = ").num(a)
                    .op("\u00b7(1 \u2212 ").num(a).op(")");
        }
        return b.op(" = ").num(fp, "fprime").build();
    }

    private Stage update(Trace t, int l, int o, double[] gradW, double[] gradB, boolean inBatch, int n) {
        Layer layer = net.layer(l);
        int in = layer.inputs();
        UpdateExplainer ex = new UpdateExplainer(config.optimizer(), lr, commonSteps(l, o, in));
        List<FormulaLine> lines = new ArrayList<>(ex.rules());
        lines.add(FormulaLine.of(Kind.NOTE).word(inBatch
                ? "g = the batch mean over " + n + " examples" + (config.regularization().kind()
                == RegularizationKind.NONE ? "" : " + the regularization term")
                : "as if this example were a whole batch: nothing changes until you apply a real step").build());
        List<List<FormulaLine>> rows = new ArrayList<>();
        double[] newRow = new double[in];
        FormulaLine worked = null;
        int hidden = 0;
        int[] shown = shownTerms(in);
        for (int i = 0; i < in; i++) {
            ParameterMemory mem = memory.weight(l, o * in + i);
            List<Token> name = List.of(weightSym(l, o, i));
            double p = layer.weight(o, i);
            double g = gradW[o * in + i];
            boolean frozen = layer.weightFrozen(o, i);
            UpdateExplainer.Row row = ex.explain(name, "w" + i, p, g, frozen, mem);
            newRow[i] = row.next();
            if (worked == null && !frozen) {
                worked = ex.worked(name, p, g, mem, row.next());
            }
            if (contains(shown, i)) {
                rows.add(row.cells());
            } else {
                hidden++;
            }
        }
        ParameterMemory bmem = memory.bias(l, o);
        List<Token> bname = List.of(biasSym(l, o));
        UpdateExplainer.Row brow = ex.explain(bname, "b", layer.bias(o), gradB[o], layer.biasFrozen(o), bmem);
        rows.add(brow.cells());
        if (worked == null && !layer.biasFrozen(o)) {
            worked = ex.worked(bname, layer.bias(o), gradB[o], bmem, brow.next());
        }
        if (worked != null) {
            lines.add(worked);
        } else {
            lines.add(FormulaLine.of(Kind.NOTE).word("every parameter of this neuron is frozen: nothing moves "
                    + "(the gradients are still computed)").build());
        }
        String title = "Update \u00b7 " + layerName(l) + " \u00b7 neuron " + (o + 1) + " of " + widths[l + 1]
                + " \u00b7 " + config.optimizer().kind().id();
        StepTable table = new StepTable(ex.header(), rows, hidden);
        return new Stage(Phase.UPDATE, l, o, title, lines, table,
                marks(l + 1, o, newRow, EdgeKind.NEW_WEIGHT, t, 0, 0, true));
    }

    /** Adam's step count shared by every parameter of the neuron that will move, or null if they differ. */
    private Long commonSteps(int l, int o, int in) {
        Layer layer = net.layer(l);
        Long t = layer.biasFrozen(o) ? null : memory.bias(l, o).steps();
        for (int i = 0; i < in; i++) {
            if (layer.weightFrozen(o, i)) {
                continue;
            }
            long s = memory.weight(l, o * in + i).steps();
            if (t == null) {
                t = s;
            } else if (t != s) {
                return null;
            }
        }
        return t == null ? 0L : t;
    }

    private Stage accumulate(Trace tk, int k, int n, int index, double[][] gW, double[][] gB, double[][] sumW,
                             double[][] sumB, double lossSum) {
        List<FormulaLine> lines = new ArrayList<>();
        FormulaLine.Builder which = FormulaLine.of(Kind.NOTE).word("example " + index + " (" + (k + 1) + " of " + n
                + ")");
        if (!net.features().isEmpty()) {
            which.word(": point (").num(tk.x1()).op(", ").num(tk.x2()).op(")");
        }
        lines.add(which.op(",  label ").num(tk.label(), "label").op(",  loss ")
                .num(tk.loss(), "loss").build());
        lines.add(FormulaLine.of(Kind.RULE).op("\u03a3 \u2190 \u03a3 + \u2202").sym("L", "", String.valueOf(k + 1))
                .op("/\u2202").sym("w").word("   for every weight and bias").build());
        lines.add(FormulaLine.of(Kind.NUMBERS).word("batch loss so far = ").op("(").sym("L", "", "1").op(" + \u2026 + ")
                .sym("L", "", String.valueOf(k + 1)).op(") / ").num(k + 1).op(" = ").num(lossSum / (k + 1), "lossSoFar")
                .build());
        List<FormulaLine> header = List.of(note("parameter"), note("this example"), note("\u03a3 so far"),
                note("\u03a3 / " + (k + 1)));
        List<List<FormulaLine>> rows = new ArrayList<>();
        int[] hidden = {0};
        forEachParameter(widths, (name, key, l, j, bias) -> {
            if (rows.size() >= MAX_ROWS) {
                hidden[0]++;
                return;
            }
            double g = bias ? gB[l][j] : gW[l][j];
            double s = bias ? sumB[l][j] : sumW[l][j];
            rows.add(List.of(FormulaLine.of(Kind.RULE).add(name).build(), num(g, "g." + key), num(s, "sum." + key),
                    num(s / (k + 1), "mean." + key)));
        });
        String title = "Batch \u00b7 example " + (k + 1) + " of " + n + " adds its gradients";
        return new Stage(Phase.ACCUMULATE, -1, -1, title, lines, new StepTable(header, rows, hidden[0]),
                marks(-1, -1, null, EdgeKind.NONE, tk, layers, widths[layers] - 1, false));
    }

    private Stage mean(int n, double[][] sumW, double[][] sumB, double[][] meanW, double[][] gradW,
                       double[][] gradB, double batchLoss) {
        boolean reg = config.regularization().kind() != RegularizationKind.NONE;
        List<FormulaLine> lines = new ArrayList<>();
        FormulaLine.Builder rule = FormulaLine.of(Kind.RULE).sym("g").op(" = (1/").num(n).op(") \u03a3")
                .sym("", "", "k").op(" \u2202").sym("L", "", "k").op("/\u2202").sym("w");
        if (reg) {
            rule.op(" + ").word(config.regularization().kind() == RegularizationKind.L1 ? "\u03bb\u00b7sign(w)"
                    : "\u03bb\u00b7w").word("   (\u03bb = ").num(config.regularization().rate(), "rate")
                    .word(", weights only)");
        }
        lines.add(rule.build());
        lines.add(FormulaLine.of(Kind.RESULT).word("batch loss = (1/").num(n).op(") \u03a3").sym("", "", "k")
                .sym("L", "", "k").op(" = ").num(batchLoss, "batchLoss").build());
        List<FormulaLine> header = new ArrayList<>(List.of(note("parameter"), note("\u03a3"), note("\u03a3 / " + n)));
        if (reg) {
            header.add(note("+ regularization"));
        }
        header.add(FormulaLine.of(Kind.RULE).sym("g").build());
        List<List<FormulaLine>> rows = new ArrayList<>();
        int[] hidden = {0};
        forEachParameter(widths, (name, key, l, j, bias) -> {
            if (rows.size() >= MAX_ROWS) {
                hidden[0]++;
                return;
            }
            List<FormulaLine> row = new ArrayList<>();
            row.add(FormulaLine.of(Kind.RULE).add(name).build());
            row.add(num(bias ? sumB[l][j] : sumW[l][j], "sum." + key));
            row.add(num(bias ? gradB[l][j] : meanW[l][j], "mean." + key));
            if (reg) {
                row.add(bias ? note("none (bias)") : num(gradW[l][j] - meanW[l][j], "reg." + key));
            }
            row.add(FormulaLine.of(Kind.RESULT).num(bias ? gradB[l][j] : gradW[l][j], "g." + key).build());
            rows.add(row);
        });
        return new Stage(Phase.ACCUMULATE, -1, -1, "Batch \u00b7 mean gradient of " + n + " examples", lines,
                new StepTable(header, rows, hidden[0]), marksInputsOnly());
    }

    private Stage apply(int n, double batchLoss, long step) {
        List<FormulaLine> lines = new ArrayList<>();
        lines.add(FormulaLine.of(Kind.NOTE).word("Press Enter to apply: the live run takes exactly this step, "
                + "with every update shown before.").build());
        lines.add(FormulaLine.of(Kind.RESULT).word("batch of ").num(n).word(" examples, batch loss ")
                .num(batchLoss, "batchLoss").word(",  ").sym("\u03b7").op(" = ").num(lr, "lr").build());
        lines.add(FormulaLine.of(Kind.NOTE).word("step ").num(step).word(" \u2192 ").num(step + 1, "nextStep")
                .build());
        return new Stage(Phase.APPLY, -1, -1, "Apply the step", lines, null, marksInputsOnly());
    }

    // ---- the diagram ----

    /**
     * Node values for a stage: the features always; with {@code deltas} false the activations of
     * the columns up to ({@code upToColumn}, {@code upToNeuron}); with {@code deltas} true the
     * deltas from the output back to there.
     */
    private DiagramMarks marks(int column, int neuron, double[] edges, EdgeKind kind, Trace t, int upToColumn,
                               int upToNeuron, boolean deltas) {
        double[][] values = new double[layers + 1][];
        boolean[][] shown = new boolean[layers + 1][];
        values[0] = t.features();
        shown[0] = new boolean[widths[0]];
        java.util.Arrays.fill(shown[0], true);
        for (int c = 1; c <= layers; c++) {
            values[c] = deltas ? t.layer(c - 1).dLdz() : t.layer(c - 1).a();
            shown[c] = new boolean[widths[c]];
            for (int o = 0; o < widths[c]; o++) {
                shown[c][o] = deltas ? c > upToColumn || (c == upToColumn && o <= upToNeuron)
                        : c < upToColumn || (c == upToColumn && o <= upToNeuron);
            }
        }
        return new DiagramMarks(column, neuron, edges, kind, values, shown, deltas ? "\u03b4" : "a");
    }

    private DiagramMarks marksInputsOnly() {
        double[][] values = new double[layers + 1][];
        boolean[][] shown = new boolean[layers + 1][];
        for (int c = 0; c <= layers; c++) {
            values[c] = new double[widths[c]];
            shown[c] = new boolean[widths[c]];
        }
        return new DiagramMarks(-1, -1, null, EdgeKind.NONE, values, shown, "a");
    }

    // ---- names ----

    private String layerName(int l) {
        return l == layers - 1 ? "output layer" : "hidden layer " + (l + 1);
    }

    /** The name of input i of layer l: a feature for the first layer, else an activation; i = -1 for "i". */
    private List<Token> inputName(int l, int i) {
        if (i < 0) {
            return List.of(l == 0 ? new Token.Sym("x", "", "i") : new Token.Sym("a", "[" + l + "]", "i"));
        }
        if (l == 0 && net.features().isEmpty()) {
            return columnName(i);
        }
        if (l == 0) {
            return featureName(net.features().get(i));
        }
        return List.of(new Token.Sym("a", "[" + l + "]", String.valueOf(i + 1)));
    }

}
