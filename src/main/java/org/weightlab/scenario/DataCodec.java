package org.weightlab.scenario;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.engine.data.Standardization;
import org.weightlab.scenario.JsonIn.Obj;

/**
 * The data parts of the files: the config's optional "data" section (data carried inside a
 * scenario, dataset {@code custom}) and a run export's "data" (the split the run trained on).
 *
 * <p>Config "data": {@code {"columns": [...], "classes": [...], "standardize": true,
 * "rows": [[...], ...], "labels": [...], "testRows": [...]}}, the rows as read from the file (see
 * {@link InlineData}; "classes" empty for regression). "testRows" (optional) lists, in increasing
 * order, the rows of a fixed split's test side (clicked points keep their side when a point is added
 * or removed); without it the seed and train fraction split the rows, as files written before it do.
 *
 * <p>Run export "data": {@code {"features": [column names], "train": {"points": [[...], ...],
 * "labels": [...]}, "test": {...}, "standardization": {"mean": [...], "std": [...]}}}. The column
 * names are x1, x2 for the plane's sets (the network's inputs are computed from them by
 * config.features), p00..p77 for digits, and the data's own for custom data; for data of other than
 * two columns the points are the network's inputs as they are. "standardization" is present when
 * the inputs were standardized: the points are then already standardized, and the numbers say how
 * the raw rows of config.data became them. Labels are the engine's (DESIGN 3): two classes -1/+1
 * (cross_entropy reads -1 as class 0 and +1 as class 1), more classes 0..K-1.
 */
final class DataCodec {

    /** Columns of the raw 2-D points; the network's inputs are computed from them (config.features). */
    static final List<String> POINT_COLUMNS = List.of("x1", "x2");

    private DataCodec() {
    }

    // ---- config "data" ------------------------------------------------------------------------

    static InlineData readInline(JsonIn in) {
        Obj o = in.obj("columns", "classes", "standardize", "rows", "labels", "testRows");
        List<String> columns = strings(o.req("columns"));
        List<String> classes = strings(o.req("classes"));
        boolean standardize = o.req("standardize").bool();
        List<JsonIn> rows = o.req("rows").array();
        JsonIn labelsIn = o.req("labels");
        List<JsonIn> labels = labelsIn.array();
        if (labels.size() != rows.size()) {
            throw labelsIn.bad("has " + labels.size() + " labels for " + rows.size() + " rows");
        }
        int d = columns.size();
        double[] values = new double[rows.size() * d];
        double[] y = new double[labels.size()];
        for (int i = 0; i < rows.size(); i++) {
            readRow(rows.get(i), d, "a row has one value per column " + columns, values, i);
            y[i] = label(labels.get(i), classes.isEmpty() ? 1 : classes.size(), "custom");
        }
        JsonIn testIn = o.opt("testRows");
        boolean[] inTest = testIn == null ? null : testRows(testIn, rows.size());
        return JsonIn.build(o, () -> new InlineData(columns, classes, values, y, standardize, inTest));
    }

    /** The flags of a "testRows" list: increasing row indices below {@code n}. */
    private static boolean[] testRows(JsonIn in, int n) {
        boolean[] flags = new boolean[n];
        int last = -1;
        for (JsonIn i : in.array()) {
            int row = i.integer(0, Math.max(0, n - 1));
            if (row <= last) {
                throw i.bad("test rows are listed once each, in increasing order");
            }
            flags[row] = true;
            last = row;
        }
        return flags;
    }

    static void writeInline(JsonOut out, InlineData d) {
        out.startObject();
        out.field("columns").startInlineArray();
        d.columns().forEach(out::value);
        out.endArray();
        out.field("classes").startInlineArray();
        d.classes().forEach(out::value);
        out.endArray();
        out.field("standardize", d.standardize());
        out.field("rows").startArray();
        for (int i = 0; i < d.size(); i++) {
            out.startInlineArray();
            for (int j = 0; j < d.dims(); j++) {
                out.value(d.value(i, j));
            }
            out.endArray();
        }
        out.endArray();
        out.field("labels").startInlineArray();
        for (int i = 0; i < d.size(); i++) {
            out.value(d.label(i));
        }
        out.endArray();
        if (d.fixedSplit()) {
            out.field("testRows").startInlineArray();
            for (int i = 0; i < d.size(); i++) {
                if (d.isTest(i)) {
                    out.value(i);
                }
            }
            out.endArray();
        }
        out.endObject();
    }

    // ---- run export "data" --------------------------------------------------------------------

    /** The names of the columns a run export's points hold for {@code config}. */
    static List<String> columns(RunConfig config) {
        if (config.inlineData() != null) {
            return config.inlineData().columns();
        }
        return config.dataset() == DatasetKind.DIGITS ? DatasetKind.digitsColumns() : POINT_COLUMNS;
    }

    static DataSplit readData(JsonIn in, RunConfig config) {
        Obj o = in.obj("features", "train", "test", "standardization");
        JsonIn columnsIn = o.req("features");
        List<String> names = strings(columnsIn);
        List<String> expected = columns(config);
        if (!names.equals(expected)) {
            throw columnsIn.bad(expected.equals(POINT_COLUMNS)
                    ? "expected [\"x1\", \"x2\"]: points are raw 2-D points, and config.features says "
                            + "which inputs the network computes from them"
                    : "expected the data's " + expected.size() + " columns " + shortList(expected));
        }
        Dataset train = readDataset(o.req("train"), config, names.size());
        if (train.size() == 0) {
            throw o.req("train").bad("has no points");
        }
        Dataset test = readDataset(o.req("test"), config, names.size());
        JsonIn stIn = o.opt("standardization");
        Standardization st = null;
        if (stIn != null) {
            Obj s = stIn.obj("mean", "std");
            double[] mean = new double[names.size()];
            double[] std = new double[names.size()];
            readRow(s.req("mean"), names.size(), "one mean per column", mean, 0);
            readRow(s.req("std"), names.size(), "one deviation per column", std, 0);
            st = new Standardization(mean, std);
        }
        return new DataSplit(train, test, st);
    }

    private static Dataset readDataset(JsonIn in, RunConfig config, int dims) {
        Obj o = in.obj("points", "labels");
        List<JsonIn> points = o.req("points").array();
        JsonIn labelsIn = o.req("labels");
        List<JsonIn> labels = labelsIn.array();
        if (labels.size() != points.size()) {
            throw labelsIn.bad("has " + labels.size() + " labels for " + points.size() + " points");
        }
        double[] xy = new double[dims * points.size()];
        double[] y = new double[labels.size()];
        String why = dims == 2 ? "a point is [x1, x2]" : "a point has one value per column";
        for (int i = 0; i < points.size(); i++) {
            readRow(points.get(i), dims, why, xy, i);
            y[i] = label(labels.get(i), config.classes(), config.dataset().id());
        }
        return new Dataset(xy, y, dims);
    }

    static void writeData(JsonOut out, RunConfig config, DataSplit data) {
        out.startObject();
        out.field("features").startInlineArray();
        columns(config).forEach(out::value);
        out.endArray();
        out.field("train");
        writeDataset(out, data.train());
        out.field("test");
        writeDataset(out, data.test());
        Standardization st = data.standardization();
        if (st != null) {
            out.field("standardization").startObject();
            out.field("mean").startInlineArray();
            for (double m : st.mean()) {
                out.value(m);
            }
            out.endArray();
            out.field("std").startInlineArray();
            for (double s : st.std()) {
                out.value(s);
            }
            out.endArray().endObject();
        }
        out.endObject();
    }

    private static void writeDataset(JsonOut out, Dataset d) {
        out.startObject().field("points").startArray();
        for (int i = 0; i < d.size(); i++) {
            out.startInlineArray();
            for (int j = 0; j < d.dims(); j++) {
                out.value(d.value(i, j));
            }
            out.endArray();
        }
        out.endArray();
        out.field("labels").startInlineArray();
        for (double label : d.labels()) {
            out.value(label);
        }
        out.endArray().endObject();
    }

    // ---- pieces -------------------------------------------------------------------------------

    private static void readRow(JsonIn in, int dims, String why, double[] into, int row) {
        List<JsonIn> p = in.array();
        if (p.size() != dims) {
            throw in.bad("has " + p.size() + " entries; " + why);
        }
        for (int j = 0; j < dims; j++) {
            into[row * dims + j] = p.get(j).number();
        }
    }

    /** A label checked against the class count: -1/+1 for two classes, 0..K-1 for more, any number for regression. */
    private static double label(JsonIn in, int classes, String dataset) {
        double label = in.number();
        if (classes == 2 && label != 1 && label != -1) {
            throw in.bad("must be -1 or 1 for " + dataset + ", got " + label);
        }
        if (classes > 2 && (label != Math.rint(label) || label < 0 || label >= classes)) {
            throw in.bad("must be " + (classes == 3 ? "0, 1 or 2" : "a class index 0.." + (classes - 1)) + " for "
                    + dataset + ", got " + label);
        }
        return label;
    }

    private static List<String> strings(JsonIn in) {
        List<String> out = new ArrayList<>();
        for (JsonIn j : in.array()) {
            out.add(j.string());
        }
        return out;
    }

    private static String shortList(List<String> names) {
        return names.size() <= 6 ? names.toString()
                : "[" + String.join(", ", names.subList(0, 3)) + ", ..., " + names.get(names.size() - 1) + "]";
    }
}
