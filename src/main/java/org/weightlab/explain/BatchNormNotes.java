package org.weightlab.explain;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.BatchNorm;
import org.weightlab.engine.BatchNormTrace;
import org.weightlab.engine.Trace;
import org.weightlab.explain.DiagramMarks.EdgeKind;
import org.weightlab.explain.FormulaLine.Kind;

/**
 * The stop of a batch walk at a batch-normalized layer: for the walked example, each unit's raw z,
 * the batch's mean and (biased) variance of that unit, the normalized value and gamma zhat + beta,
 * all from the engine's training forward pass over the batch ({@link BatchNormTrace}); a sentence
 * that the batch is coupled; and the running statistics evaluation uses instead. It follows the
 * layer's forward stops, which (like the whole walk of one example) show evaluation's numbers.
 */
final class BatchNormNotes {

    /** Units listed in the table; the rest are counted. */
    static final int MAX_ROWS = 16;

    private BatchNormNotes() {
    }

    /**
     * {@code stages} with a batch-normalization stop after the last forward stop of each layer in
     * {@code norms}; the stages as they are when there is none.
     */
    static List<Stage> insert(List<Stage> stages, List<BatchNormTrace> norms, Trace walked, int exampleIndex,
                              int layers) {
        if (norms.isEmpty()) {
            return stages;
        }
        List<Stage> out = new ArrayList<>(stages);
        for (BatchNormTrace bn : norms) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).phase() == Phase.FORWARD && out.get(i).layer() == bn.layer()) {
                    at = i;
                }
            }
            if (at >= 0) {
                out.add(at + 1, stage(bn, walked, exampleIndex, layers));
            }
        }
        return out;
    }

    static Stage stage(BatchNormTrace bn, Trace walked, int exampleIndex, int layers) {
        int l = bn.layer();
        int n = bn.batchSize();
        double[] z = bn.z();
        double[] mean = bn.mean();
        double[] var = bn.variance();
        double[] hat = bn.zhat();
        double[] y = bn.y();
        double[] gamma = bn.gamma();
        double[] beta = bn.beta();
        List<FormulaLine> lines = new ArrayList<>();
        lines.add(FormulaLine.of(Kind.NOTE).word("In training the batch is coupled: each unit's z is normalized with "
                + "the mean and variance over all " + n + " examples of the batch, so the other examples in the batch "
                + "change this example's output (and its gradient).").build());
        lines.add(FormulaLine.of(Kind.RULE).sym("\u03bc", "", "B").op(" = (1/").num(n).op(") \u03a3").sym("", "", "b")
                .sym("z", "", "b").op(",   ").sym("\u03c3", "2", "B").op(" = (1/").num(n).op(") \u03a3").sym("", "", "b")
                .op("(").sym("z", "", "b").op(" \u2212 ").sym("\u03bc", "", "B").op(")\u00b2").build());
        lines.add(FormulaLine.of(Kind.RULE).sym("\u1e91").op(" = (z \u2212 ").sym("\u03bc", "", "B").op(") / \u221a(")
                .sym("\u03c3", "2", "B").op(" + \u03b5),   ").sym("y").op(" = \u03b3\u00b7").sym("\u1e91").op(" + \u03b2")
                .word("   (\u03b5 = ").num(BatchNorm.EPS).word(")").build());
        // unit 1 written out with its numbers; every unit in the table below
        lines.add(FormulaLine.of(Kind.NUMBERS).word("unit 1: ").sym("\u1e91").op(" = (").num(z[0], "z").op(" \u2212 ")
                .factor(mean[0], "batchMean").op(") / \u221a(").num(var[0], "batchVar").op(" + \u03b5) = ")
                .num(hat[0], "zhat").build());
        lines.add(FormulaLine.of(Kind.RESULT).sym("y").op(" = ").num(gamma[0], "gamma").op(" \u00b7 ").factor(hat[0], "zhatFactor")
                .op(" + ").factor(beta[0], "beta").op(" = ").num(y[0], "y").build());
        lines.add(FormulaLine.of(Kind.NOTE).word("At evaluation (test loss, the output picture, the walk of one example "
                + "alone) the running statistics stand in for the batch's: unit 1's running mean ")
                .num(bn.runningMean()[0], "runningMean").word(" and running variance ").num(bn.runningVar()[0], "runningVar")
                .word(" give y = ").num(bn.evaluationY(0), "evalY").word(" for the same z; each training step moves "
                        + "them 10% of the way to the batch's (the variance unbiased, with n \u2212 1).").build());

        // five columns keep the table within the formula panel; y = gamma zhat + beta and the running
        // statistics are written out for unit 1 in the lines above
        List<FormulaLine> header = List.of(cell("#"), cell("z"), cell("\u03bc_B"), cell("\u03c3\u00b2_B"),
                cell("\u1e91"));
        List<List<FormulaLine>> rows = new ArrayList<>();
        int shown = Math.min(bn.units(), MAX_ROWS);
        for (int j = 0; j < shown; j++) {
            rows.add(List.of(cell(Integer.toString(j + 1)), num(z[j], "z" + j), num(mean[j], "batchMean" + j),
                    num(var[j], "batchVar" + j), num(hat[j], "zhat" + j)));
        }
        String title = "Forward \u00b7 " + (l == layers - 1 ? "output layer" : "hidden layer " + (l + 1))
                + " \u00b7 batch normalization of example " + exampleIndex + " in its batch of " + n;
        return new Stage(Phase.FORWARD, l, -1, title, lines, new StepTable(header, rows, bn.units() - shown),
                marks(walked, l + 1, layers));
    }

    private static FormulaLine cell(String text) {
        return FormulaLine.of(Kind.NOTE).word(text).build();
    }

    private static FormulaLine num(double v, String key) {
        return FormulaLine.of(Kind.NUMBERS).num(v, key).build();
    }

    /** The diagram at the normalized layer: the activations up to it (evaluation's). */
    private static DiagramMarks marks(Trace t, int column, int layers) {
        double[][] values = new double[layers + 1][];
        boolean[][] shownNodes = new boolean[layers + 1][];
        values[0] = t.features();
        for (int c = 1; c <= layers; c++) {
            values[c] = t.layer(c - 1).a();
        }
        for (int c = 0; c <= layers; c++) {
            shownNodes[c] = new boolean[values[c].length];
            java.util.Arrays.fill(shownNodes[c], c <= column);
        }
        // no neuron is active: the stop is about the whole layer (the diagram lights no edge)
        return new DiagramMarks(-1, -1, null, EdgeKind.NONE, values, shownNodes, "a");
    }
}
