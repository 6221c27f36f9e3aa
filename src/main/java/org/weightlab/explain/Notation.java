package org.weightlab.explain;

import java.util.List;
import org.weightlab.engine.Activation;
import org.weightlab.engine.Trace;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.explain.FormulaLine.Kind;

/**
 * The notation of a walk: the symbols (z, a, delta, w, b with their layer and index), the names of
 * input features, the shortening of long sums, and the activation line. Pure functions of their
 * arguments, shared by the walk's stages.
 */
final class Notation {

    /** Sums with more terms than this are shortened to their first and last terms. */
    static final int MAX_TERMS = 16;
    static final int HEAD_TERMS = 6;
    static final int TAIL_TERMS = 2;

    private Notation() {
    }

    static FormulaLine activationLine(ActivationKind kind, int l, int o, double[] z, double[] a) {
        FormulaLine.Builder b = FormulaLine.of(Kind.NUMBERS).add(aSym(l, o)).op(" = ");
        switch (kind) {
            case LINEAR -> b.word("linear(").add(zSym(l, o)).op(") = ").add(zSym(l, o));
            case RELU -> b.word("relu(").add(zSym(l, o)).op(") = max(0, ").num(z[o]).op(")");
            case LEAKY_RELU -> b.word("leaky_relu(").add(zSym(l, o)).op(") = max(").num(Activation.LEAKY_SLOPE)
                    .op("\u00b7").factor(z[o], null).op(", ").num(z[o]).op(")");
            case TANH -> b.word("tanh(").add(zSym(l, o)).op(") = ").word("tanh(").num(z[o]).op(")");
            case SIGMOID -> b.word("\u03c3(").add(zSym(l, o)).op(") = 1 / (1 + ").word("exp(").op("\u2212")
                    .factor(z[o], null).op("))");
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                // Shifted by the largest z only when plain exp would overflow, as the engine always does.
                double shift = max > 700 ? max : 0;
                double sum = 0;
                for (double v : z) {
                    sum += Math.exp(v - shift);
                }
                b.word("softmax: ").word("exp(").add(zSym(l, o)).op(") / \u03a3").sym("", "", "k").word(" exp(")
                        .add(new Token.Sym("z", "[" + (l + 1) + "]", "k")).op(") = ").num(Math.exp(z[o] - shift))
                        .op(" / ").num(sum);
            }
        }
        return b.op(" = ").num(a[o], "a").build();
    }

    /** Which of {@code n} terms a sum shows: all up to {@link #MAX_TERMS}, else the first and last few. */
    static int[] shownTerms(int n) {
        if (n <= MAX_TERMS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] s = new int[HEAD_TERMS + TAIL_TERMS];
        for (int i = 0; i < HEAD_TERMS; i++) {
            s[i] = i;
        }
        for (int i = 0; i < TAIL_TERMS; i++) {
            s[HEAD_TERMS + i] = n - TAIL_TERMS + i;
        }
        return s;
    }

    /** How many of a long sum's terms are written out: the largest by size. */
    static final int LARGEST_TERMS = 3;

    /**
     * The {@link #LARGEST_TERMS} terms {@code w[row + i] * x[i]} (i < n) of largest magnitude, in
     * input order (ties: the earlier input); every index when {@code n <= MAX_TERMS}.
     */
    static int[] largestTerms(double[] w, int row, double[] x, int n) {
        if (n <= MAX_TERMS) {
            return shownTerms(n);
        }
        int[] best = new int[LARGEST_TERMS];
        java.util.Arrays.fill(best, -1);
        for (int i = 0; i < n; i++) {
            double v = Math.abs(w[row + i] * x[i]);
            for (int k = 0; k < LARGEST_TERMS; k++) {
                if (best[k] < 0 || v > Math.abs(w[row + best[k]] * x[best[k]])) {
                    System.arraycopy(best, k, best, k + 1, LARGEST_TERMS - k - 1);
                    best[k] = i;
                    break;
                }
            }
        }
        java.util.Arrays.sort(best);
        return best;
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    static String sup(int l) {
        return "[" + (l + 1) + "]";
    }

    static Token.Sym zSym(int l, int o) {
        return new Token.Sym("z", sup(l), String.valueOf(o + 1));
    }

    static Token.Sym aSym(int l, int o) {
        return new Token.Sym("a", sup(l), String.valueOf(o + 1));
    }

    static Token.Sym deltaSym(int l, int o) {
        return new Token.Sym("\u03b4", sup(l), String.valueOf(o + 1));
    }

    /** w from input i to neuron o of layer l; i = -1 for the generic "i". */
    static Token.Sym weightSym(int l, int o, int i) {
        return new Token.Sym("w", sup(l), (o + 1) + "," + (i < 0 ? "i" : String.valueOf(i + 1)));
    }

    static Token.Sym biasSym(int l, int o) {
        return new Token.Sym("b", sup(l), String.valueOf(o + 1));
    }

    /** Input {@code i} of data whose columns are the inputs (no features): x with its number. */
    static List<Token> columnName(int i) {
        return List.of(new Token.Sym("x", "", String.valueOf(i + 1)));
    }

    static List<Token> featureName(Feature f) {
        Token x1 = new Token.Sym("x", "", "1");
        Token x2 = new Token.Sym("x", "", "2");
        return switch (f) {
            case X1 -> List.of(x1);
            case X2 -> List.of(x2);
            case X1_SQUARED -> List.of(new Token.Sym("x", "2", "1"));
            case X2_SQUARED -> List.of(new Token.Sym("x", "2", "2"));
            case X1_TIMES_X2 -> List.of(x1, x2);
            case SIN_X1 -> List.of(new Token.Word("sin "), x1);
            case SIN_X2 -> List.of(new Token.Word("sin "), x2);
        };
    }

    static List<Token> featureFormula(Feature f, double x1, double x2) {
        FormulaLine.Builder b = FormulaLine.of(Kind.NUMBERS);
        switch (f) {
            case X1_SQUARED -> b.factor(x1, null).sym("", "2", "");
            case X2_SQUARED -> b.factor(x2, null).sym("", "2", "");
            case X1_TIMES_X2 -> b.factor(x1, null).op("\u00b7").factor(x2, null);
            case SIN_X1 -> b.word("sin(").num(x1).op(")");
            case SIN_X2 -> b.word("sin(").num(x2).op(")");
            default -> b.num(f == Feature.X1 ? x1 : x2);
        }
        return b.build().tokens();
    }

    static FormulaLine num(double v, String key) {
        return FormulaLine.of(Kind.NUMBERS).num(v, key).build();
    }

    static FormulaLine note(String s) {
        return FormulaLine.of(Kind.NOTE).word(s).build();
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The regularization term the engine adds to a weight's gradient: rate w (l2), rate sign(w) (l1). */
    static double regularization(RegularizationConfig reg, double w) {
        if (reg.kind() == RegularizationKind.NONE) {
            return 0;
        }
        return reg.kind() == RegularizationKind.L1 ? reg.rate() * Math.signum(w) : reg.rate() * w;
    }

    static FormulaLine target(LossKind loss, Trace t) {
        FormulaLine.Builder b = FormulaLine.of(Kind.NUMBERS);
        switch (loss) {
            case BCE -> b.word("label ").num(t.label(), "label").op(",  target ").sym("t").op(" = (")
                    .num(t.label()).op(" + 1) / 2 = ").num((t.label() + 1) / 2, "t");
            case CROSS_ENTROPY -> b.word("target class ").sym("c").op(" = ").num(t.label(), "t");
            default -> b.word("target ").sym("t").op(" = ").num(t.label(), "t");
        }
        return b.build();
    }

    interface ParameterVisitor {
        void visit(Token name, String key, int layer, int index, boolean bias);
    }

    /**
     * Every weight and bias, the output layer first (its few parameters are the ones a long table
     * still shows); within a layer a neuron's weights, then its bias.
     */
    static void forEachParameter(int[] widths, ParameterVisitor v) {
        for (int l = widths.length - 2; l >= 0; l--) {
            int in = widths[l];
            for (int o = 0; o < widths[l + 1]; o++) {
                for (int i = 0; i < in; i++) {
                    v.visit(weightSym(l, o, i), "L" + l + ".w" + o + "." + i, l, o * in + i, false);
                }
                v.visit(biasSym(l, o), "L" + l + ".b" + o, l, o, true);
            }
        }
    }
}
