package org.weightlab.explain;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.explain.FormulaLine.Kind;

/**
 * Explains one optimizer update per parameter: the rule, the state before and after, and the
 * new value. The arithmetic is PyTorch's, written in the same order as the engine's optimizer so
 * that the new values are bit-identical to the step the engine takes (a test checks this for
 * every optimizer).
 */
final class UpdateExplainer {

    /** A parameter's row: its cells and its new value. */
    record Row(List<FormulaLine> cells, double next) {
    }

    private final OptimizerConfig c;
    private final double lr;
    /** Adam's step count t: one value for the whole neuron (shown in a note), or null for a t column. */
    private final Long commonSteps;

    UpdateExplainer(OptimizerConfig c, double lr, Long commonSteps) {
        this.c = c;
        this.lr = lr;
        this.commonSteps = commonSteps;
    }

    private boolean adam() {
        return c.kind() == OptimizerKind.ADAM || c.kind() == OptimizerKind.ADAMW;
    }

    /** The symbolic update rules, hyperparameters filled in. */
    List<FormulaLine> rules() {
        List<FormulaLine> lines = new ArrayList<>();
        double mu = c.momentum();
        switch (c.kind()) {
            case SGD -> {
                if (mu == 0) {
                    lines.add(rule().sym("w\u2032").op(" = ").sym("w").op(" \u2212 ").sym("\u03b7").op("\u00b7")
                            .sym("g").build());
                } else {
                    lines.add(rule().sym("b").op(" = ").sym("\u03bc").op("\u00b7").sym("b").op(" + ").sym("g")
                            .word("   (first step: ").sym("b").op(" = ").sym("g").word(")").build());
                    FormulaLine.Builder w = rule().sym("w\u2032").op(" = ").sym("w").op(" \u2212 ").sym("\u03b7")
                            .op("\u00b7");
                    if (c.nesterov()) {
                        w.op("(").sym("g").op(" + ").sym("\u03bc").op("\u00b7").sym("b").op(")").word("   (Nesterov)");
                    } else {
                        w.sym("b");
                    }
                    lines.add(w.build());
                }
            }
            case ADAGRAD -> {
                lines.add(rule().sym("s").op(" = ").sym("s").op(" + ").sym("g", "2", "").build());
                lines.add(rule().sym("w\u2032").op(" = ").sym("w").op(" \u2212 ").sym("\u03b7").op("\u00b7")
                        .sym("g").op(" / (\u221a").sym("s").op(" + ").sym("\u03b5").op(")").build());
            }
            case RMSPROP -> {
                lines.add(rule().sym("v").op(" = ").sym("\u03b1").op("\u00b7").sym("v").op(" + (1 \u2212 ")
                        .sym("\u03b1").op(")\u00b7").sym("g", "2", "").build());
                if (mu > 0) {
                    lines.add(rule().sym("b").op(" = ").sym("\u03bc").op("\u00b7").sym("b").op(" + ").sym("g")
                            .op(" / (\u221a").sym("v").op(" + ").sym("\u03b5").op(")").op(",   ").sym("w\u2032")
                            .op(" = ").sym("w").op(" \u2212 ").sym("\u03b7").op("\u00b7").sym("b").build());
                } else {
                    lines.add(rule().sym("w\u2032").op(" = ").sym("w").op(" \u2212 ").sym("\u03b7").op("\u00b7")
                            .sym("g").op(" / (\u221a").sym("v").op(" + ").sym("\u03b5").op(")").build());
                }
            }
            case ADAM, ADAMW -> {
                lines.add(rule().sym("m").op(" = ").sym("\u03b2", "", "1").op("\u00b7").sym("m").op(" + (1 \u2212 ")
                        .sym("\u03b2", "", "1").op(")\u00b7").sym("g").op(",   ").sym("v").op(" = ")
                        .sym("\u03b2", "", "2").op("\u00b7").sym("v").op(" + (1 \u2212 ").sym("\u03b2", "", "2")
                        .op(")\u00b7").sym("g", "2", "").build());
                lines.add(rule().sym("m\u0302").op(" = ").sym("m").op(" / (1 \u2212 ").sym("\u03b2", "t", "1")
                        .op("),   ").sym("v\u0302").op(" = ").sym("v").op(" / (1 \u2212 ").sym("\u03b2", "t", "2")
                        .op(")").word("   (bias correction)").build());
                FormulaLine.Builder w = rule().sym("w\u2032").op(" = ");
                if (c.kind() == OptimizerKind.ADAMW) {
                    w.sym("w").op("\u00b7(1 \u2212 ").sym("\u03b7").sym("\u03bb").op(")");
                } else {
                    w.sym("w");
                }
                lines.add(w.op(" \u2212 ").sym("\u03b7").op("\u00b7").sym("m\u0302").op(" / (\u221a").sym("v\u0302")
                        .op(" + ").sym("\u03b5").op(")").build());
            }
        }
        lines.add(hyperparameters());
        return lines;
    }

    private FormulaLine hyperparameters() {
        FormulaLine.Builder b = FormulaLine.of(Kind.NOTE).word(c.kind().id() + ":  ").sym("\u03b7").op(" = ")
                .num(lr, "lr");
        switch (c.kind()) {
            case SGD -> {
                if (c.momentum() != 0) {
                    b.op(",  ").sym("\u03bc").op(" = ").num(c.momentum(), "mu");
                }
            }
            case ADAGRAD -> b.op(",  ").sym("\u03b5").op(" = ").num(c.eps(), "eps");
            case RMSPROP -> {
                b.op(",  ").sym("\u03b1").op(" = ").num(c.alpha(), "alpha").op(",  ").sym("\u03b5").op(" = ")
                        .num(c.eps(), "eps");
                if (c.momentum() > 0) {
                    b.op(",  ").sym("\u03bc").op(" = ").num(c.momentum(), "mu");
                }
            }
            case ADAM, ADAMW -> {
                b.op(",  ").sym("\u03b2", "", "1").op(" = ").num(c.beta1(), "beta1").op(",  ")
                        .sym("\u03b2", "", "2").op(" = ").num(c.beta2(), "beta2").op(",  ").sym("\u03b5")
                        .op(" = ").num(c.eps(), "eps");
                if (c.kind() == OptimizerKind.ADAMW) {
                    b.op(",  ").sym("\u03bb").op(" = ").num(c.weightDecay(), "weightDecay");
                }
                if (commonSteps != null) {
                    b.op(",  ").sym("t").op(" = ").num(commonSteps + 1, "t");
                }
            }
        }
        return b.build();
    }

    /** Column headings: parameter, before, g, the optimizer's state, after. */
    List<FormulaLine> header() {
        List<FormulaLine> h = new ArrayList<>();
        h.add(head("parameter"));
        h.add(head("before"));
        h.add(FormulaLine.of(Kind.RULE).sym("g").build());
        for (String s : stateColumns()) {
            h.add(head(s));
        }
        h.add(head("after"));
        return h;
    }

    private List<String> stateColumns() {
        return switch (c.kind()) {
            case SGD -> c.momentum() == 0 ? List.of() : List.of("b before", "b");
            case ADAGRAD -> List.of("s before", "s");
            case RMSPROP -> c.momentum() > 0 ? List.of("v before", "v", "b") : List.of("v before", "v");
            case ADAM, ADAMW -> commonSteps == null ? List.of("t", "m", "v", "m\u0302", "v\u0302")
                    : List.of("m", "v", "m\u0302", "v\u0302");
        };
    }

    private static FormulaLine head(String s) {
        return FormulaLine.of(Kind.NOTE).word(s).build();
    }

    private static FormulaLine.Builder rule() {
        return FormulaLine.of(Kind.RULE);
    }

    /**
     * One parameter's update. {@code name} is its symbol, {@code key} the prefix of the numbers'
     * keys ("w3", "b"): key.before, key.grad, key.after and the state's key.m, key.v, ...
     */
    Row explain(List<Token> name, String key, double p, double g, boolean frozen, ParameterMemory s) {
        List<FormulaLine> cells = new ArrayList<>();
        cells.add(FormulaLine.of(Kind.RULE).addAll(name).build());
        cells.add(FormulaLine.of(Kind.NUMBERS).num(p, key + ".before").build());
        cells.add(FormulaLine.of(Kind.NUMBERS).num(g, key + ".grad").build());
        int stateCols = stateColumns().size();
        if (frozen) {
            for (int k = 0; k < stateCols; k++) {
                cells.add(FormulaLine.of(Kind.NOTE).word("skipped").build());
            }
            cells.add(FormulaLine.of(Kind.RESULT).num(p, key + ".after").word("  frozen").build());
            return new Row(cells, p);
        }
        double next;
        double d = g;
        switch (c.kind()) {
            case SGD -> {
                double mu = c.momentum();
                if (mu != 0) {
                    double buf = s.hasMomentum() ? mu * s.momentum() + d : d;
                    cells.add(s.hasMomentum() ? num(s.momentum(), key + ".bufBefore") : note("none yet"));
                    cells.add(num(buf, key + ".buf"));
                    d = c.nesterov() ? d + mu * buf : buf;
                }
                next = p - lr * d;
            }
            case ADAGRAD -> {
                double sum = s.sum() + d * d;
                cells.add(num(s.sum(), key + ".sumBefore"));
                cells.add(num(sum, key + ".sum"));
                next = p - lr * (d / (Math.sqrt(sum) + c.eps()));
            }
            case RMSPROP -> {
                double mu = c.momentum();
                double alpha = c.alpha();
                double v = alpha * s.squareAvg() + (1 - alpha) * (d * d);
                double avg = Math.sqrt(v) + c.eps();
                cells.add(num(s.squareAvg(), key + ".vBefore"));
                cells.add(num(v, key + ".v"));
                if (mu > 0) {
                    double buf = mu * s.rmsMomentum() + d / avg;
                    cells.add(num(buf, key + ".buf"));
                    next = p - lr * buf;
                } else {
                    next = p - lr * (d / avg);
                }
            }
            case ADAM, ADAMW -> {
                double b1 = c.beta1();
                double b2 = c.beta2();
                long t = s.steps() + 1;
                double c1 = 1 - Math.pow(b1, t);
                double c2 = 1 - Math.pow(b2, t);
                double m = b1 * s.expAvg() + (1 - b1) * d;
                double v = b2 * s.expAvgSq() + (1 - b2) * (d * d);
                double mHat = m / c1;
                double vHat = v / c2;
                double decay = c.kind() == OptimizerKind.ADAMW ? 1 - lr * c.weightDecay() : 1.0;
                double start = decay == 1.0 ? p : p * decay;
                if (commonSteps == null) {
                    cells.add(num(t, key + ".t"));
                }
                cells.add(num(m, key + ".m"));
                cells.add(num(v, key + ".v"));
                cells.add(num(mHat, key + ".mhat"));
                cells.add(num(vHat, key + ".vhat"));
                next = start - lr * mHat / (Math.sqrt(vHat) + c.eps());
            }
            default -> throw new IllegalStateException("unknown optimizer " + c.kind());
        }
        cells.add(FormulaLine.of(Kind.RESULT).num(next, key + ".after").build());
        return new Row(cells, next);
    }

    /** The update of one parameter written out with its numbers, e.g. w' = 0.5 - 0.03 . 0.12 = 0.4964. */
    FormulaLine worked(List<Token> name, double p, double g, ParameterMemory s, double next) {
        FormulaLine.Builder b = FormulaLine.of(Kind.NUMBERS).addAll(name).op("\u2032 = ");
        switch (c.kind()) {
            case SGD -> {
                b.num(p).op(" \u2212 ").num(lr).op(" \u00b7 ");
                if (c.momentum() == 0) {
                    b.factor(g, null);
                } else {
                    double buf = s.hasMomentum() ? c.momentum() * s.momentum() + g : g;
                    if (c.nesterov()) {
                        b.op("(").num(g).op(" + ").num(c.momentum()).op(" \u00b7 ").factor(buf, null).op(")");
                    } else {
                        b.factor(buf, null);
                    }
                }
            }
            case ADAGRAD -> b.num(p).op(" \u2212 ").num(lr).op(" \u00b7 ").factor(g, null).op(" / (\u221a")
                    .num(s.sum() + g * g).op(" + ").num(c.eps()).op(")");
            case RMSPROP -> {
                double v = c.alpha() * s.squareAvg() + (1 - c.alpha()) * (g * g);
                b.num(p).op(" \u2212 ").num(lr).op(" \u00b7 ");
                if (c.momentum() > 0) {
                    b.factor(c.momentum() * s.rmsMomentum() + g / (Math.sqrt(v) + c.eps()), null);
                } else {
                    b.factor(g, null).op(" / (\u221a").num(v).op(" + ").num(c.eps()).op(")");
                }
            }
            case ADAM, ADAMW -> {
                long t = s.steps() + 1;
                double m = c.beta1() * s.expAvg() + (1 - c.beta1()) * g;
                double v = c.beta2() * s.expAvgSq() + (1 - c.beta2()) * (g * g);
                double mHat = m / (1 - Math.pow(c.beta1(), t));
                double vHat = v / (1 - Math.pow(c.beta2(), t));
                if (c.kind() == OptimizerKind.ADAMW) {
                    b.num(p).op("\u00b7(1 \u2212 ").num(lr).op("\u00b7").num(c.weightDecay()).op(")");
                } else {
                    b.num(p);
                }
                b.op(" \u2212 ").num(lr).op(" \u00b7 ").factor(mHat, null).op(" / (\u221a").num(vHat).op(" + ")
                        .num(c.eps()).op(")");
            }
        }
        return b.op(" = ").num(next).build();
    }

    private static FormulaLine num(double v, String key) {
        return FormulaLine.of(Kind.NUMBERS).num(v, key).build();
    }

    private static FormulaLine note(String s) {
        return FormulaLine.of(Kind.NOTE).word(s).build();
    }
}
