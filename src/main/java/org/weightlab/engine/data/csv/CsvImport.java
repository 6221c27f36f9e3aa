package org.weightlab.engine.data.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.Standardization;

/**
 * Turns a {@link CsvTable} into data a run can train on ({@link InlineData}): the chosen input
 * columns (numbers) and the target column, as class names or numbers (classification) or as a
 * number (regression). Classes are numbered in order of first appearance for names and in
 * numeric order for numbers (a file's own class names, as wine_data.csv gives them, name the
 * indices 0, 1, ...). Two classes become labels -1 (the first) and +1; more classes 0..K-1.
 * Imported inputs are standardized with the training part's mean and deviation when the run
 * splits them. Every problem is a {@link CsvException} naming the line and the column.
 */
public final class CsvImport {

    /** Most distinct target values a classification may have. */
    public static final int MAX_CLASSES = 50;

    private CsvImport() {
    }

    /** Which columns feed the network, which is the target, and the kind of problem. */
    public record Choice(List<Integer> inputs, int target, ProblemKind problem) {

        public Choice {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * What a person most likely wants: every column but the last as inputs, the last as the
     * target; classification when the target is text, has class names, or has at most ten
     * distinct whole numbers; regression otherwise.
     */
    public static Choice guess(CsvTable t) {
        int target = t.columns().size() - 1;
        List<Integer> inputs = new ArrayList<>();
        for (int c = 0; c < target; c++) {
            inputs.add(c);
        }
        boolean text = false;
        java.util.Set<String> distinct = new java.util.HashSet<>();
        boolean whole = true;
        for (int r = 0; r < t.size(); r++) {
            String s = t.cell(r, target).strip();
            distinct.add(s);
            if (!CsvTable.isNumber(s)) {
                text = true;
            } else {
                double v = Double.parseDouble(s);
                whole &= v == Math.rint(v);
            }
        }
        boolean classes = text || !t.classNames().isEmpty() || (whole && distinct.size() <= 10);
        return new Choice(inputs, Math.max(0, target), classes ? ProblemKind.CLASSIFICATION : ProblemKind.REGRESSION);
    }

    /**
     * The standardization a run of {@code config} training on {@code data} will apply: the mean and
     * deviation of each input over the training part its seed and train fraction give.
     */
    public static Standardization standardization(RunConfig config, InlineData data) {
        return DataGenerator.generate(ConfigEdits.withInlineData(config, data)).standardization();
    }

    /** The data {@code choice} makes of {@code t}. */
    public static InlineData build(CsvTable t, Choice choice) throws CsvException {
        List<Integer> inputs = choice.inputs();
        int target = choice.target();
        if (inputs.isEmpty()) {
            throw new CsvException("choose at least one input column");
        }
        if (target < 0 || target >= t.columns().size()) {
            throw new CsvException("choose the target column");
        }
        if (inputs.contains(target)) {
            throw new CsvException("column " + (target + 1) + " (" + t.columns().get(target)
                    + ") cannot be an input and the target");
        }
        if (t.size() < 2) {
            throw new CsvException("the file has " + t.size() + " data row; at least two are needed");
        }
        int d = inputs.size();
        double[] rows = new double[t.size() * d];
        for (int r = 0; r < t.size(); r++) {
            for (int j = 0; j < d; j++) {
                rows[r * d + j] = number(t, r, inputs.get(j));
            }
        }
        List<String> names = inputs.stream().map(c -> t.columns().get(c)).toList();
        if (choice.problem() == ProblemKind.REGRESSION) {
            double[] y = new double[t.size()];
            for (int r = 0; r < t.size(); r++) {
                y[r] = number(t, r, target);
            }
            return new InlineData(names, List.of(), rows, y, true);
        }
        return classify(t, target, names, rows);
    }

    private static InlineData classify(CsvTable t, int target, List<String> names, double[] rows)
            throws CsvException {
        boolean numeric = true;
        for (int r = 0; r < t.size(); r++) {
            String s = t.cell(r, target).strip();
            if (s.isEmpty()) {
                throw at(t, r, target, "the target is empty");
            }
            numeric &= CsvTable.isNumber(s);
        }
        // class key -> index; names in order of first appearance, numbers in numeric order
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> classes = new ArrayList<>();
        if (numeric) {
            TreeMap<Double, String> sorted = new TreeMap<>();
            for (int r = 0; r < t.size(); r++) {
                String s = t.cell(r, target).strip();
                sorted.putIfAbsent(Double.parseDouble(s), s);
            }
            for (Map.Entry<Double, String> e : sorted.entrySet()) {
                index.put(key(e.getKey()), classes.size());
                classes.add(e.getValue());
            }
            if (!t.classNames().isEmpty() && target == t.columns().size() - 1) {
                classes = namesFromFile(t, sorted, classes);
            }
        } else {
            for (int r = 0; r < t.size(); r++) {
                String s = t.cell(r, target).strip();
                if (!index.containsKey(s)) {
                    index.put(s, classes.size());
                    classes.add(s);
                }
            }
        }
        if (classes.size() < 2) {
            throw new CsvException("column " + (target + 1) + " (" + t.columns().get(target) + ") has only one class ("
                    + classes.get(0) + "): a classifier needs at least two");
        }
        if (classes.size() > MAX_CLASSES) {
            throw new CsvException("column " + (target + 1) + " (" + t.columns().get(target) + ") has "
                    + classes.size() + " different values: too many classes (at most " + MAX_CLASSES
                    + "); is it a regression target?");
        }
        int k = classes.size();
        double[] y = new double[t.size()];
        for (int r = 0; r < t.size(); r++) {
            String s = t.cell(r, target).strip();
            int c = index.get(numeric ? key(Double.parseDouble(s)) : s);
            y[r] = k == 2 ? (c == 0 ? -1 : 1) : c;
        }
        return new InlineData(names, classes, rows, y, true);
    }

    /** The file's own class names for indices 0..K-1 when its targets are exactly those indices. */
    private static List<String> namesFromFile(CsvTable t, TreeMap<Double, String> sorted, List<String> fallback) {
        int i = 0;
        for (double v : sorted.keySet()) {
            if (v != i || i >= t.classNames().size()) {
                return fallback;
            }
            i++;
        }
        return t.classNames().subList(0, i);
    }

    private static String key(double v) {
        return Double.toString(v);
    }

    private static double number(CsvTable t, int r, int c) throws CsvException {
        String s = t.cell(r, c).strip();
        if (s.isEmpty()) {
            throw at(t, r, c, "the value is empty");
        }
        if (!CsvTable.isNumber(s)) {
            throw at(t, r, c, "\"" + shorten(s) + "\" is not a number");
        }
        return Double.parseDouble(s);
    }

    private static CsvException at(CsvTable t, int r, int c, String problem) {
        return new CsvException("line " + t.lines().get(r) + ", column " + (c + 1) + " (" + t.columns().get(c) + "): "
                + problem);
    }

    private static String shorten(String s) {
        return s.length() <= 30 ? s : s.substring(0, 27) + "...";
    }
}
