package org.weightlab.ui.compress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.weightlab.compress.ModelSize;
import org.weightlab.compress.StorageFormat;

/**
 * How big the network is: weights, biases and non-zero values per layer and in total, and the
 * bytes they take in each storage format, beside the same arithmetic for a 7-billion-parameter
 * model so that the scale is felt.
 */
final class SizeTable extends FlowPane {

    static final String STYLE_CLASS = "compress-size";

    private final GridPane counts = new GridPane();
    private final GridPane bytes = new GridPane();

    SizeTable() {
        getStyleClass().add(STYLE_CLASS);
        setHgap(24);
        setVgap(8);
        counts.getStyleClass().add("compress-grid");
        bytes.getStyleClass().add("compress-grid");
        counts.setId("compressCounts");
        bytes.setId("compressBytes");
        for (GridPane g : new GridPane[]{counts, bytes}) {
            g.setHgap(12);
            g.setVgap(2);
        }
        getChildren().addAll(counts, bytes);
    }

    /** Shows the sizes of the run's weights ({@code before}) and their non-zero count after the what-if. */
    void show(ModelSize before, ModelSize after) {
        counts.getChildren().clear();
        counts.getColumnConstraints().clear();
        header(counts, "layer", "weights", "biases", "parameters", "non-zero");
        for (int l = 0; l < before.layers().size(); l++) {
            ModelSize.LayerSize b = before.layers().get(l);
            ModelSize.LayerSize a = after.layers().get(l);
            String name = l == before.layers().size() - 1 ? "output" : "hidden " + (l + 1);
            row(counts, l + 1, false, name, count(b.weights()), count(b.biases()), count(b.parameters()),
                    count(a.nonzero()));
        }
        row(counts, before.layers().size() + 1, true, "total", count(before.weights()), count(before.biases()),
                count(before.parameters()), count(after.nonzero()));
        bytes.getChildren().clear();
        header(bytes, "stored as", "this network", "a 7B-parameter model");
        int r = 1;
        for (StorageFormat f : StorageFormat.values()) {
            String name = f == StorageFormat.TERNARY ? "ternary (1.58 bits)"
                    : f == StorageFormat.BINARY ? "1 bit" : f.id();
            row(bytes, r++, false, name, bytes(f.bytes(before.parameters())),
                    gigabytes(f.bytes(ModelSize.SEVEN_BILLION)));
        }
    }

    private static void header(GridPane g, String... names) {
        for (int c = 0; c < names.length; c++) {
            Label l = new Label(names[c]);
            l.setMinWidth(Region.USE_PREF_SIZE);
            l.getStyleClass().add("compress-grid-header");
            g.add(l, c, 0);
            if (c > 0) {
                GridPane.setHalignment(l, HPos.RIGHT);
            }
            g.getColumnConstraints().add(new ColumnConstraints());
        }
    }

    private static void row(GridPane g, int r, boolean total, String... cells) {
        for (int c = 0; c < cells.length; c++) {
            Label l = new Label(cells[c]);
            l.setMinWidth(Region.USE_PREF_SIZE);
            if (total) {
                l.getStyleClass().add("compress-grid-total");
            }
            g.add(l, c, r);
            if (c > 0) {
                GridPane.setHalignment(l, HPos.RIGHT);
            }
        }
    }

    /** 1234567 -> "1,234,567". */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** Bytes in the largest unit that keeps a number of at least 1: "296 B", "1.38 GB", "0.875 GB" below 1 GB. */
    static String bytes(long b) {
        if (b < 1000) {
            return b + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = b / 1000.0;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return trim(v) + " " + units[u];
    }

    /** Bytes in gigabytes (10^9 bytes), as the 7B model's sizes are usually said: "56 GB", "0.875 GB". */
    static String gigabytes(long b) {
        return trim(b / 1e9) + " GB";
    }

    /** Three significant digits at most, no trailing zeros: 56, 1.38, 3.5, 0.875. */
    static String trim(double v) {
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(3, RoundingMode.HALF_EVEN));
        return d.stripTrailingZeros().toPlainString();
    }

    GridPane counts() {
        return counts;
    }

    GridPane bytesGrid() {
        return bytes;
    }
}
