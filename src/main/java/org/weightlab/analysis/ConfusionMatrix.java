package org.weightlab.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Counts of true class x predicted class over a set of examples, with the examples behind each
 * cell. Immutable.
 *
 * @param classNames one name per class, in class order
 * @param counts     {@code counts[t * classes + p]}: examples of true class t predicted as p
 * @param examples   {@code examples[t * classes + p]}: their indices in the set, ascending
 */
public record ConfusionMatrix(List<String> classNames, int[] counts, int[][] examples) {

    public ConfusionMatrix {
        classNames = List.copyOf(classNames);
        int k = classNames.size();
        if (counts.length != k * k || examples.length != k * k) {
            throw new IllegalArgumentException("a confusion matrix of " + k + " classes has " + k * k + " cells");
        }
        counts = counts.clone();
        examples = examples.clone();
    }

    /**
     * The matrix of {@code net} over the examples {@code x} (row-major, {@code net.inputs()} values
     * each) with {@code labels}, classes read by {@code rule}.
     */
    public static ConfusionMatrix of(SnapshotForward net, double[] x, double[] labels, ClassRule rule) {
        int n = labels.length;
        int in = net.inputs();
        if (x.length != n * in) {
            throw new IllegalArgumentException(n + " examples of " + in + " inputs need " + n * in
                    + " values, got " + x.length);
        }
        int k = rule.count();
        int[] counts = new int[k * k];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            int t = rule.ofLabel(labels[i]);
            int p = rule.ofOutputs(net.forward(x, i * in));
            cellOf[i] = t * k + p;
            counts[cellOf[i]]++;
        }
        int[][] examples = new int[k * k][];
        for (int c = 0; c < k * k; c++) {
            examples[c] = new int[counts[c]];
        }
        int[] filled = new int[k * k];
        for (int i = 0; i < n; i++) {
            examples[cellOf[i]][filled[cellOf[i]]++] = i;
        }
        return new ConfusionMatrix(rule.names(), counts, examples);
    }

    public int classes() {
        return classNames.size();
    }

    /** Examples of true class {@code t} predicted as {@code p}. */
    public int count(int t, int p) {
        return counts[t * classes() + p];
    }

    /** The indices of those examples in the set (a copy). */
    public int[] examples(int t, int p) {
        return examples[t * classes() + p].clone();
    }

    /** Examples of true class {@code t}. */
    public int rowTotal(int t) {
        int sum = 0;
        for (int p = 0; p < classes(); p++) {
            sum += count(t, p);
        }
        return sum;
    }

    public int total() {
        return Arrays.stream(counts).sum();
    }

    /** Examples on the diagonal. */
    public int correct() {
        int sum = 0;
        for (int k = 0; k < classes(); k++) {
            sum += count(k, k);
        }
        return sum;
    }

    /** The fraction classified correctly; NaN for an empty set. */
    public double accuracy() {
        int total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    /** The fraction of class {@code t}'s examples classified as {@code t} (recall); NaN when it has none. */
    public double classAccuracy(int t) {
        int row = rowTotal(t);
        return row == 0 ? Double.NaN : (double) count(t, t) / row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && classNames.equals(m.classNames) && Arrays.equals(counts, m.counts)
                && Arrays.deepEquals(examples, m.examples);
    }

    @Override
    public int hashCode() {
        return 31 * classNames.hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + classNames + Arrays.toString(counts);
    }
}
