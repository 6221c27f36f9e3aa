package org.weightlab.explain;

import static org.weightlab.explain.Notation.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.weightlab.explain.FormulaLine.Kind;

/**
 * Sums too long to write out (a picture's 64 pixels into a neuron): the few largest terms, and
 * the rest as one number, so that a line stays readable and nothing is cut.
 */
final class LongSums {

    private LongSums() {
    }

    /**
     * Writes the terms w·x of a neuron's sum over {@code n} inputs into {@code rule} and
     * {@code nums}: all of them up to {@link Notation#MAX_TERMS}; else the
     * {@link Notation#LARGEST_TERMS} largest {@code w[row + i] * x[i]}, then "... k more terms" and,
     * in the numbers, their sum. Returns the note that says so, or null when every term is written.
     */
    static FormulaLine sum(FormulaLine.Builder rule, FormulaLine.Builder nums, double[] w, int row, double[] x,
                           int n, IntFunction<Token> weight, IntFunction<List<Token>> input) {
        if (n <= MAX_TERMS) {
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    rule.op(" + ");
                    nums.op(" + ");
                }
                rule.add(weight.apply(i)).op("\u00b7").addAll(input.apply(i));
                nums.factor(w[row + i], "w" + i).op("\u00b7").factor(x[i], "in" + i);
            }
            return null;
        }
        return largest(rule, nums, w, row, x, n, weight, input);
    }

    private static FormulaLine largest(FormulaLine.Builder rule, FormulaLine.Builder nums, double[] w, int row, double[] x,
                               int n, IntFunction<Token> weight, IntFunction<List<Token>> input) {
        int[] shown = largestTerms(w, row, x, n);
        double rest = 0;
        for (int i = 0; i < n; i++) {
            if (!contains(shown, i)) {
                rest += w[row + i] * x[i];
            }
        }
        for (int i : shown) {
            rule.add(weight.apply(i)).op("\u00b7").addAll(input.apply(i)).op(" + ");
            nums.factor(w[row + i], "w" + i).op("\u00b7").factor(x[i], "in" + i).op(" + ");
        }
        int hidden = n - shown.length;
        rule.gap(hidden, "terms");
        nums.op("(").gap(hidden, "terms").op(" = ").num(rest, "rest").op(")");
        return FormulaLine.of(Kind.NOTE).word("The " + shown.length + " largest of the " + n
                + " terms are written out; the other " + hidden + " add up to ").num(rest).build();
    }

    /**
     * The inputs of data whose columns are the inputs (digits: 64 pixels), summarised: how many,
     * how many are not 0, and the first and last few values.
     */
    static List<FormulaLine> columnInputs(String exampleName, double[] x) {
        int nonZero = 0;
        for (double v : x) {
            nonZero += v != 0 ? 1 : 0;
        }
        List<FormulaLine> lines = new ArrayList<>();
        lines.add(FormulaLine.of(Kind.NOTE).word(capitalize(exampleName) + ":  " + x.length + " input values, "
                + nonZero + " of them not 0").build());
        FormulaLine.Builder b = FormulaLine.of(Kind.NUMBERS).op("(");
        int prev = -1;
        for (int i : shownTerms(x.length)) {
            if (prev >= 0) {
                b.op(", ");
                if (i != prev + 1) {
                    b.gap(i - prev - 1, "values").op(", ");
                }
            }
            b.addAll(columnName(i)).op(" = ").num(x[i], "x" + i);
            prev = i;
        }
        lines.add(b.op(")").build());
        return lines;
    }

}
