package org.weightlab.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.weightlab.engine.config.DatasetKind;

/**
 * The UCI handwritten digits (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0, see assets/data/NOTICE):
 * 1,797 images of 8x8 pixels, each pixel a count 0..16 of inked cells in a 4x4 block of a 32x32
 * bitmap. Inputs are the 64 pixels / 16, in [0, 1], row-major with the top row first; labels are
 * the digits 0..9. Read once from the classpath and shared (the arrays are never changed).
 */
public final class Digits {

    /** Number of pixels per image (the network's inputs). */
    public static final int PIXELS = DatasetKind.DIGITS_SIDE * DatasetKind.DIGITS_SIDE;
    /** Largest pixel count in the file. */
    public static final int MAX_COUNT = 16;
    static final String RESOURCE = "digits.csv.gz";

    private static volatile Dataset all;

    private Digits() {
    }

    /** All 1,797 images in file order: 64 inputs in [0, 1] per row, labels 0..9. */
    public static Dataset all() {
        Dataset d = all;
        if (d == null) {
            synchronized (Digits.class) {
                d = all;
                if (d == null) {
                    d = load();
                    all = d;
                }
            }
        }
        return d;
    }

    /** The first image of the set (a 0), 64 pixels in [0, 1], read alone: a picture needs no more. */
    public static double[] first() {
        Dataset d = all;
        if (d != null) {
            return d.row(0);
        }
        try (BufferedReader in = reader()) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    double[] pixels = new double[PIXELS];
                    parseRow(line, 0, pixels, 0);
                    return pixels;
                }
            }
            throw new IllegalStateException("the digits data is empty");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digits data", e);
        }
    }

    /** The file, unpacked, as text lines. */
    private static BufferedReader reader() throws IOException {
        InputStream raw = Digits.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IllegalStateException("the digits data (" + RESOURCE + ") is missing from the application");
        }
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
    }

    /** Row {@code row} of the file: its 64 pixels scaled to [0, 1] into {@code pixels} from {@code at}; returns its label. */
    private static double parseRow(String line, int row, double[] pixels, int at) {
        String[] cells = line.split(",");
        if (cells.length != PIXELS + 1) {
            throw new IllegalStateException("digits row " + (row + 1) + " has " + cells.length + " values");
        }
        for (int j = 0; j < PIXELS; j++) {
            pixels[at + j] = Double.parseDouble(cells[j]) / MAX_COUNT;
        }
        return Double.parseDouble(cells[PIXELS]);
    }

    private static Dataset load() {
        int n = DatasetKind.DIGITS_IMAGES;
        double[] points = new double[n * PIXELS];
        double[] labels = new double[n];
        try (BufferedReader in = reader()) {
            int row = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                if (row == n) {
                    throw new IllegalStateException("the digits data has more than " + n + " rows");
                }
                labels[row] = parseRow(line, row, points, row * PIXELS);
                row++;
            }
            if (row != n) {
                throw new IllegalStateException("the digits data has " + row + " rows, expected " + n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digits data", e);
        }
        return new Dataset(points, labels, PIXELS);
    }
}
