package org.weightlab.ui.network;

import java.nio.IntBuffer;
import java.util.function.Supplier;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.weightlab.ui.fx.Redraw;

/**
 * The graph image: every edge, with the neurons' thumbnails over them, drawn into one buffer
 * ({@link EdgeRaster}) shown by one image node under the other nodes. It is redrawn through the
 * scene's one redraw pass ({@link Redraw}): while training runs at most
 * {@link #RUNNING_REDRAWS_PER_SECOND} times a second, any other change (an edit, a new edge mode,
 * a new layout) at once.
 */
final class GraphImage {
    /**
     * Most redraws a second of the graph image while training runs: drawing a few hundred edges
     * costs the FX thread milliseconds, which on a busy machine the training needs more than a
     * picture that changes a little from one frame to the next.
     */
    static final double RUNNING_REDRAWS_PER_SECOND = 30;
    /** Dash and gap of a frozen edge (butt caps, so the gaps stay open at any width). */
    private static final double[] DASHES = {7, 5};

    private final Supplier<GraphParts> parts;
    private final ImageView view = new ImageView();
    private EdgeRaster raster;
    private PixelBuffer<IntBuffer> buffer;
    /** Where the image's top-left pixel is, in the graph's coordinates, and its pixels per unit. */
    private double originX;
    private double originY;
    private double scale = 1;
    /** Drawings of the image so far (tests read them). */
    private long draws;
    /** A change while training runs: drawn at the running pace. */
    private static final int RUNNING = 1;
    /** Any other change: drawn at once. */
    private static final int CHANGED = 2;
    private final Redraw redraw;

    /** Draws the parts {@code parts} gives at the time of drawing (the newest drawing's). */
    GraphImage(Supplier<GraphParts> parts) {
        this.parts = parts;
        view.setMouseTransparent(true);
        view.setManaged(false);
        view.setId("graphImage");
        redraw = new Redraw(view, bits -> paint()).pace(RUNNING, RUNNING_REDRAWS_PER_SECOND);
    }

    ImageView view() {
        return view;
    }

    long draws() {
        return draws;
    }

    double originX() {
        return originX;
    }

    double originY() {
        return originY;
    }

    /**
     * Draws now (a paused run's edit or mode: one change, one drawing), or, while training runs,
     * on a coming pulse at most RUNNING_REDRAWS_PER_SECOND times a second.
     */
    void request(boolean running) {
        if (running) {
            redraw.mark(RUNNING);
        } else {
            draw();
        }
    }

    /** Draws at once (a new layout or a paused change), taking along a drawing that waited for its pace. */
    void draw() {
        redraw.mark(CHANGED);
        redraw.drawNow();
    }

    /** Draws every edge and then every neuron's thumbnail into the image (nothing before the first layout). */
    private void paint() {
        GraphParts p = parts.get();
        if (raster == null || p == null) {
            return;
        }
        raster.clear();
        double k = scale;
        double dash = DASHES[0] * k;
        double gap = DASHES[1] * k;
        for (EdgeNode[] layer : p.edges) {
            for (EdgeNode e : layer) {
                if (e.hidden) {
                    continue;
                }
                raster.curve((e.x1 - originX) * k, (e.y1 - originY) * k, (e.mx - originX) * k,
                        (e.x2 - originX) * k, (e.y2 - originY) * k, e.width * k, e.argb,
                        e.dashed ? dash : 0, gap);
            }
        }
        for (NeuronNode[] layer : p.neurons) {
            for (NeuronNode n : layer) {
                raster.copy(n.thumb, n.thumbSize, n.pixelX, n.pixelY);
            }
        }
        buffer.updateBuffer(b -> null);
        draws++;
    }

    /** Sizes the image to cover [x0, x1] x [y0, y1], k pixels a unit; true when it changed. */
    boolean place(double x0, double y0, double x1, double y1, double k) {
        double ox = Math.floor(x0 * k) / k;
        double oy = Math.floor(y0 * k) / k;
        int pw = Math.max(1, (int) Math.ceil((x1 - ox) * k));
        int ph = Math.max(1, (int) Math.ceil((y1 - oy) * k));
        boolean same = raster != null && raster.width() == pw && raster.height() == ph && k == scale;
        if (same && ox == originX && oy == originY) {
            return false;
        }
        if (!same) {
            raster = new EdgeRaster(pw, ph);
            buffer = new PixelBuffer<>(pw, ph, IntBuffer.wrap(raster.pixels()), PixelFormat.getIntArgbPreInstance());
            view.setImage(new WritableImage(buffer));
            view.setFitWidth(pw / k);
            view.setFitHeight(ph / k);
            scale = k;
        }
        originX = ox;
        originY = oy;
        view.setLayoutX(ox);
        view.setLayoutY(oy);
        return true;
    }
}
