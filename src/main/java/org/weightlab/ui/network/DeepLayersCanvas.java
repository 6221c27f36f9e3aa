package org.weightlab.ui.network;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;
import org.weightlab.ui.fx.CanvasFit;

/**
 * The layers after the input picture in image mode: one column per layer, each neuron a square
 * coloured by its output for the picked example, the edges between columns coloured by sign and
 * faded by size; the output column names each class with its probability. A column wider than
 * {@link #COMPACT_ABOVE} neurons is compact: small squares in several sub-columns.
 */
final class DeepLayersCanvas extends Region {

    /** Columns with more neurons than this are drawn compact. */
    static final int COMPACT_ABOVE = 16;

    private final Canvas canvas = new Canvas();
    private final Palette palette;
    private List<LayerSnapshot> layers;
    /** {@code outputs[l]}: the outputs of layer l for the example, copies. */
    private double[][] outputs;
    private List<String> classNames;
    private Font font = Font.font(12);
    private final Redraw redraw;
    /** Where the last paint put each neuron (centre x, y per layer and neuron) and each column's square size. */
    private double[][] drawnX;
    private double[][] drawnY;
    private double[] drawnSize;
    private double drawnTop;
    private double drawnColumnWidth;

    DeepLayersCanvas(Palette palette) {
        this.palette = palette;
        getChildren().add(canvas);
        redraw = new Redraw(canvas, bits -> paint());
        setMinSize(260, 200);
        setPrefSize(320, 420);
    }

    void setFont(Font f) {
        font = f;
    }

    /** The layers, each layer's outputs for the example, and the class names of the output. */
    void show(List<LayerSnapshot> layers, double[][] outputs, List<String> classNames) {
        this.layers = layers;
        this.outputs = outputs;
        this.classNames = classNames;
        redraw.mark(1);
    }

    /** Draws now (tests, pictures taken off screen). */
    void drawNow() {
        redraw.mark(1);
        redraw.drawNow();
    }

    @Override
    protected void layoutChildren() {
        if (CanvasFit.fit(canvas, this)) {
            redraw.mark(1);
        }
    }

    /** The neuron drawn at ({@code x}, {@code y}) of this region as {layer, neuron}, or null. */
    int[] neuronAt(double x, double y) {
        if (drawnX == null) {
            return null;
        }
        for (int l = 0; l < drawnX.length; l++) {
            double half = drawnSize[l] / 2 + 1;
            for (int o = 0; o < drawnX[l].length; o++) {
                if (Math.abs(x - drawnX[l][o]) <= half && Math.abs(y - drawnY[l][o]) <= half) {
                    return new int[] {l, o};
                }
            }
        }
        return null;
    }

    /** The layer whose column title is at ({@code x}, {@code y}), or -1. */
    int titleAt(double x, double y) {
        if (drawnX == null || y < 0 || y > drawnTop || drawnColumnWidth <= 0) {
            return -1;
        }
        int l = (int) Math.floor((x - 8) / drawnColumnWidth);
        return l >= 0 && l < drawnX.length ? l : -1;
    }

    /** Where neuron {@code o} of layer {@code l} was drawn (centre), or null before the first paint. */
    javafx.geometry.Point2D neuronCentre(int l, int o) {
        return drawnX == null ? null : new javafx.geometry.Point2D(drawnX[l][o], drawnY[l][o]);
    }

    /** Whether layer {@code l}'s column is drawn compact. */
    static boolean compact(int neurons) {
        return neurons > COMPACT_ABOVE;
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (layers == null || outputs == null || w < 40 || h < 40) {
            return;
        }
        int columns = layers.size();
        double labelW = font.getSize() * 6.5; // "9  100.0%" to the right of the output column
        double top = font.getSize() * 2;
        double usableH = h - top - 8;
        double colW = (w - labelW - 16) / columns;
        double[][] cx = new double[columns][];
        double[][] cy = new double[columns][];
        double[] size = new double[columns];
        for (int l = 0; l < columns; l++) {
            int n = layers.get(l).outputs();
            int sub = compact(n) ? (int) Math.ceil(n / (double) COMPACT_ABOVE) : 1;
            int rows = (int) Math.ceil(n / (double) sub);
            double s = Math.max(4, Math.min(26, Math.min(usableH / (rows * 1.25), colW * 0.5 / sub)));
            size[l] = s;
            cx[l] = new double[n];
            cy[l] = new double[n];
            double x0 = 8 + colW * (l + 0.5) - sub * s * 1.2 / 2;
            double y0 = top + (usableH - rows * s * 1.25) / 2;
            for (int o = 0; o < n; o++) {
                cx[l][o] = x0 + (o % sub) * s * 1.2 + s / 2;
                cy[l][o] = y0 + (o / sub) * s * 1.25 + s / 2;
            }
        }
        // edges first, faint, so the neurons stay readable over them
        for (int l = 1; l < columns; l++) {
            LayerSnapshot ls = layers.get(l);
            double max = 1e-12;
            for (double v : ls.weights()) {
                max = Math.max(max, Math.abs(v));
            }
            for (int o = 0; o < ls.outputs(); o++) {
                for (int i = 0; i < ls.inputs(); i++) {
                    double v = ls.weight(o, i) / max;
                    Color c = palette.weightMap().color(v >= 0 ? 1 : -1);
                    g.setStroke(c.deriveColor(0, 1, 1, Math.min(0.9, 0.08 + 0.6 * Math.abs(v))));
                    g.setLineWidth(0.6 + 1.6 * Math.abs(v));
                    g.strokeLine(cx[l - 1][i] + size[l - 1] / 2, cy[l - 1][i], cx[l][o] - size[l] / 2, cy[l][o]);
                }
            }
        }
        drawnX = cx;
        drawnY = cy;
        drawnSize = size;
        drawnTop = top;
        drawnColumnWidth = colW;
        Color guide = palette.color(PaletteColor.GUIDE);
        Color frozen = palette.frozenColor();
        Color ink = palette.inkColor();
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        for (int l = 0; l < columns; l++) {
            double s = size[l];
            double[] a = outputs[l];
            for (int o = 0; o < a.length; o++) {
                g.setFill(palette.weightMap().color(a[o]));
                g.fillRect(cx[l][o] - s / 2, cy[l][o] - s / 2, s, s);
                g.setStroke(guide);
                g.setLineWidth(1);
                g.strokeRect(cx[l][o] - s / 2, cy[l][o] - s / 2, s, s);
                if (GraphValues.neuronFrozen(layers.get(l), o)) {
                    // frozen as in the graph: a thick dashed frame in the frozen colour
                    g.setStroke(frozen);
                    g.setLineWidth(Math.max(2, s / 8));
                    g.setLineDashes(Math.max(3, s / 5), Math.max(2, s / 8));
                    g.strokeRect(cx[l][o] - s / 2 - 2, cy[l][o] - s / 2 - 2, s + 4, s + 4);
                    g.setLineDashes();
                }
            }
            g.setFill(ink);
            g.setTextAlign(TextAlignment.CENTER);
            boolean last = l == columns - 1;
            g.fillText(last ? "output" : "layer " + (l + 1) + (compact(a.length) ? " (" + a.length + ")" : ""),
                    8 + colW * (l + 0.5), font.getSize() * 0.8);
        }
        // class names and probabilities beside the output column, the most likely in bold
        int last = columns - 1;
        double[] p = outputs[last];
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        g.setTextAlign(TextAlignment.LEFT);
        for (int k = 0; k < p.length; k++) {
            String name = classNames != null && k < classNames.size() ? classNames.get(k) : Integer.toString(k);
            g.setFont(k == best ? Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD, font.getSize()) : font);
            g.fillText(String.format(Locale.ROOT, "%s  %.0f%%", name, 100 * p[k]), cx[last][k] + size[last] / 2 + 6,
                    cy[last][k]);
        }
    }
}
