package org.weightlab.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Plain SGD's two passes over a parameter, {@link #LANES} entries at a time: the proposal
 * ({@link Optimizer}'s sgd) and the commit ({@link Parameter#apply}). The same operations as the
 * scalar loops, entry by entry, so the values are the same bit for bit. Used once
 * {@link DenseVectorKernels#ready()} (its warm-up compiles these too).
 */
final class VectorSgd {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    static final int LANES = SPECIES.length();

    private VectorSgd() {
    }

    /**
     * next = p where frozen, else p - lr g; true when every g and every next is finite. A value
     * that is not finite turns its lane of a running sum of value * 0 into NaN.
     */
    static boolean sgd(double lr, double[] p, double[] g, boolean[] frozen, double[] next) {
        int n = p.length;
        int full = n - n % LANES;
        DoubleVector check = DoubleVector.zero(SPECIES);
        for (int j = 0; j < full; j += LANES) {
            DoubleVector pv = DoubleVector.fromArray(SPECIES, p, j);
            DoubleVector gv = DoubleVector.fromArray(SPECIES, g, j);
            VectorMask<Double> keep = VectorMask.fromArray(SPECIES, frozen, j);
            DoubleVector v = pv.sub(gv.mul(lr)).blend(pv, keep);
            v.intoArray(next, j);
            check = check.add(gv.mul(0.0)).add(v.mul(0.0));
        }
        boolean ok = !Double.isNaN(check.reduceLanes(VectorOperators.ADD));
        for (int j = full; j < n; j++) {
            double v = frozen[j] ? p[j] : p[j] - lr * g[j];
            next[j] = v;
            ok &= Math.abs(g[j]) <= Double.MAX_VALUE && Math.abs(v) <= Double.MAX_VALUE;
        }
        return ok;
    }

    /** updates = next - values, then values = next and grads = g (see {@link Parameter#apply}). */
    static void apply(double[] values, double[] next, double[] g, double[] updates, double[] grads) {
        int n = values.length;
        int full = n - n % LANES;
        for (int j = 0; j < full; j += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, next, j);
            v.sub(DoubleVector.fromArray(SPECIES, values, j)).intoArray(updates, j);
            v.intoArray(values, j);
            DoubleVector.fromArray(SPECIES, g, j).intoArray(grads, j);
        }
        for (int j = full; j < n; j++) {
            updates[j] = next[j] - values[j];
            values[j] = next[j];
            grads[j] = g[j];
        }
    }
}
