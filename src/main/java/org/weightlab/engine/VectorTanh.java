package org.weightlab.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The layers' tanh, several lanes at a time through the incubating Vector API: the same
 * operations in the same order as {@link Activation#tanh}, so every lane is bit for bit what the
 * scalar function gives (both use fused multiply-adds, which round once either way).
 *
 * <p>Only {@link Activation} touches this class, and only when {@link Activation#VECTOR_TANH} says
 * the module {@code jdk.incubator.vector} is present; the launcher starts the JVM with it.
 */
final class VectorTanh {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Lanes per vector (8 with AVX-512, 4 with AVX2). */
    static final int LANES = SPECIES.length();

    private static final long SIGN = Long.MIN_VALUE;

    /** Ends the warm-up's wait before its delay is over ({@link #startWarmUp}). */
    private static final CountDownLatch go = new CountDownLatch(1);

    /** Set once the JIT has compiled {@link #tanh}; see {@link #warmUpInBackground}. */
    private static volatile boolean ready;

    private VectorTanh() {
    }

    /**
     * Until the JIT compiles it, Vector API code runs interpreted, a hundred times slower than
     * scalar code: the first half-second of training would crawl. So a background thread calls
     * {@link #tanh} until it beats the scalar tanh on the same values, and only then do the layers use it
     * ({@link #ready}); until then they compute the same values one at a time. If the JIT never
     * compiles it (a JVM limited to its first tier), the layers stay scalar.
     */
    static void warmUpInBackground() {
        long delay = Long.getLong(Activation.VECTOR_WARM_UP_DELAY, 0);
        Thread t = new Thread(() -> {
            if (delay > 0) {
                try {
                    go.await(Math.min(delay, 10_000), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            warmUp();
        }, "weightlab-vector-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Lets a delayed warm-up begin now (the window calls it once it is on screen and laid out). */
    static void startWarmUp() {
        go.countDown();
    }

    private static void warmUp() {
        double[] z = new double[64];
        double[] a = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = (j - 32) / 8.0;
        }
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < giveUp) {
            long t0 = System.nanoTime();
            for (int c = 0; c < 500; c++) {
                tanh(z, a, 0, z.length - (c & 1) * 3); // every other call ends in an overlapping vector
            }
            long t1 = System.nanoTime();
            for (int c = 0; c < 500; c++) {
                for (int j = 0; j < z.length - (c & 1) * 3; j++) {
                    a[j] = Activation.tanh(z[j]);
                }
            }
            long t2 = System.nanoTime();
            if (2 * (t1 - t0) < t2 - t1) { // vectors at twice the scalar speed: compiled (about 3x once settled)
                ready = true;
                DenseVectorKernels.warmUp(giveUp);
                return;
            }
        }
    }

    /** True once {@link #tanh} runs compiled. */
    static boolean ready() {
        return ready;
    }

    /**
     * a[j] = tanh(z[j]) for from &lt;= j &lt; to, which must span at least {@link #LANES}. The range is
     * covered by whole vectors; the last one ends at {@code to} and may overlap the one before,
     * which only recomputes the same values, so there is no scalar tail. Loop and body are one
     * method, too big to inline: compiled on its own, its vectors never leave registers and the
     * constants are broadcast once per call.
     */
    static void tanh(double[] z, double[] a, int from, int to) {
        DoubleVector ln2Lo = DoubleVector.broadcast(SPECIES, Activation.LN2_LO);
        DoubleVector ln2Hi = DoubleVector.broadcast(SPECIES, Activation.LN2_HI);
        DoubleVector e11 = DoubleVector.broadcast(SPECIES, Activation.E11);
        DoubleVector e10 = DoubleVector.broadcast(SPECIES, Activation.E10);
        DoubleVector e9 = DoubleVector.broadcast(SPECIES, Activation.E9);
        DoubleVector e8 = DoubleVector.broadcast(SPECIES, Activation.E8);
        DoubleVector e7 = DoubleVector.broadcast(SPECIES, Activation.E7);
        DoubleVector e6 = DoubleVector.broadcast(SPECIES, Activation.E6);
        DoubleVector e5 = DoubleVector.broadcast(SPECIES, Activation.E5);
        DoubleVector e4 = DoubleVector.broadcast(SPECIES, Activation.E4);
        DoubleVector e3 = DoubleVector.broadcast(SPECIES, Activation.E3);
        DoubleVector e2 = DoubleVector.broadcast(SPECIES, Activation.E2);
        int last = to - LANES;
        for (int j = from; ; j += LANES) {
            if (j > last) {
                j = last;
            }
            DoubleVector x = DoubleVector.fromArray(SPECIES, z, j);
            DoubleVector ax = x.abs();
            DoubleVector y = ax.add(ax).min(Activation.TANH_CLAMP);
            DoubleVector kd = y.fma(Activation.INV_LN2, Activation.SHIFTER);
            DoubleVector minusN = kd.sub(Activation.SHIFTER).neg();
            DoubleVector r = minusN.fma(ln2Lo, minusN.fma(ln2Hi, y));
            DoubleVector p = r.fma(Activation.E13, Activation.E12);
            p = r.fma(p, e11);
            p = r.fma(p, e10);
            p = r.fma(p, e9);
            p = r.fma(p, e8);
            p = r.fma(p, e7);
            p = r.fma(p, e6);
            p = r.fma(p, e5);
            p = r.fma(p, e4);
            p = r.fma(p, e3);
            p = r.fma(p, e2);
            DoubleVector q = r.mul(r).fma(p, r);
            LongVector bits = kd.reinterpretAsLongs();
            DoubleVector scale = bits.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector e = scale.fma(q, scale.sub(1.0));
            LongVector sign = x.reinterpretAsLongs().and(SIGN);
            DoubleVector signed = e.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
            signed.div(e.add(2.0)).intoArray(a, j);
            if (j == last) {
                return;
            }
        }
    }
}
