package org.weightlab.session.surface;

import java.util.Arrays;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * The training loss over a grid of two parameters, every other parameter held where it is: the
 * exact data loss of the whole training set at each grid point (the same evaluation as the run's
 * own train loss). {@code loss[row * grid + col]} is at {@code a = a0 + col * (a1 - a0) / (grid - 1)}
 * and {@code b = b1 - row * (b1 - b0) / (grid - 1)} (row 0 is the top, the largest b). Immutable;
 * computed off the FX thread.
 */
public final class LossSurface {

    private final WeightRef a;
    private final WeightRef b;
    private final double a0;
    private final double a1;
    private final double b0;
    private final double b1;
    private final int grid;
    private final double[] loss;
    /** The network the surface was computed around (a copy). */
    private final Network around;

    private LossSurface(WeightRef a, WeightRef b, double a0, double a1, double b0, double b1, int grid, double[] loss,
                        Network around) {
        this.a = a;
        this.b = b;
        this.a0 = a0;
        this.a1 = a1;
        this.b0 = b0;
        this.b1 = b1;
        this.grid = grid;
        this.loss = loss;
        this.around = around;
    }

    /**
     * The surface of {@code network} (trained with {@code config} on {@code data}) over
     * {@code a} in [a0, a1] and {@code b} in [b0, b1], on a {@code grid} x {@code grid} raster.
     * Points where the loss is not finite hold NaN.
     */
    public static LossSurface compute(RunConfig config, DataSplit data, Network network, WeightRef a, WeightRef b,
                                      double a0, double a1, double b0, double b1, int grid) {
        if (a.equals(b)) {
            throw new IllegalArgumentException("pick two different parameters");
        }
        if (grid < 2 || !(a0 < a1) || !(b0 < b1) || !Double.isFinite(a1 - a0) || !Double.isFinite(b1 - b0)) {
            throw new IllegalArgumentException("the grid needs at least 2 points and finite ranges low < high");
        }
        Trainer t = new Trainer(config, data, network);
        double[] loss = new double[grid * grid];
        for (int row = 0; row < grid; row++) {
            double bv = valueAt(b1, b0, row, grid);
            set(t, b, bv);
            for (int col = 0; col < grid; col++) {
                set(t, a, valueAt(a0, a1, col, grid));
                double v = t.evaluate().trainLoss();
                loss[row * grid + col] = Double.isFinite(v) ? v : Double.NaN;
            }
        }
        return new LossSurface(a, b, a0, a1, b0, b1, grid, loss, network.copy());
    }

    /** from + i * (to - from) / (grid - 1), landing exactly on {@code to} at the last point. */
    static double valueAt(double from, double to, int i, int grid) {
        return i == grid - 1 ? to : from + i * (to - from) / (grid - 1);
    }

    private static void set(Trainer t, WeightRef p, double v) {
        if (p.isBias()) {
            t.setBias(p.layer(), p.out(), v);
        } else {
            t.setWeight(p.layer(), p.out(), p.in(), v);
        }
    }

    public WeightRef a() {
        return a;
    }

    public WeightRef b() {
        return b;
    }

    public double a0() {
        return a0;
    }

    public double a1() {
        return a1;
    }

    public double b0() {
        return b0;
    }

    public double b1() {
        return b1;
    }

    public int grid() {
        return grid;
    }

    /** The value of {@code a} at column {@code col}. */
    public double aAt(int col) {
        return valueAt(a0, a1, col, grid);
    }

    /** The value of {@code b} at row {@code row} (row 0 is the top: b1). */
    public double bAt(int row) {
        return valueAt(b1, b0, row, grid);
    }

    public double loss(int row, int col) {
        return loss[row * grid + col];
    }

    /** A copy of every value, in image order. */
    public double[] values() {
        return loss.clone();
    }

    /** The network the surface was computed around (a copy). */
    public Network around() {
        return around.copy();
    }

    /** Smallest and largest finite loss on the grid; {NaN, NaN} when none is finite. */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : loss) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }

    /** Whether (va, vb) lies on the grid. */
    public boolean contains(double va, double vb) {
        return va >= a0 && va <= a1 && vb >= b0 && vb <= b1;
    }

    @Override
    public String toString() {
        return "LossSurface" + Arrays.asList(a, b) + " [" + a0 + ", " + a1 + "] x [" + b0 + ", " + b1 + "] " + grid;
    }
}
