package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;

class ActivationTest {

    /** Distance in units in the last place. */
    private static long ulps(double a, double b) {
        return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    }

    /** tanh(x) to 60 digits: (e^2x - 1) / (e^2x + 1), e^y = (e^(y/1024))^1024 by its series. */
    private static double exactTanh(double x) {
        MathContext mc = new MathContext(60);
        BigDecimal y = new BigDecimal(2 * Math.abs(x)).divide(BigDecimal.valueOf(1024), mc);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal em1 = BigDecimal.ZERO; // e^y - 1, kept apart from the 1 so tiny x keep their digits
        for (int k = 1; k < 40; k++) {
            term = term.multiply(y, mc).divide(BigDecimal.valueOf(k), mc);
            em1 = em1.add(term, mc);
        }
        for (int i = 0; i < 10; i++) { // (1 + m)^2 - 1 = m (m + 2)
            em1 = em1.multiply(em1.add(BigDecimal.valueOf(2), mc), mc);
        }
        double t = em1.divide(em1.add(BigDecimal.valueOf(2), mc), mc).doubleValue();
        return x < 0 ? -t : t;
    }

    /** Log-uniform magnitudes from 1e-12 to 40, both signs, a quarter of them in the band 0.1..1. */
    private static double sample(Rng rng, int i) {
        double x = i % 4 == 0 ? 0.1 + 0.9 * rng.nextDouble() : Math.pow(10, -12 + 13.6 * rng.nextDouble());
        return rng.nextDouble() < 0.5 ? -x : x;
    }

    @Test
    void fastTanhIsWithinThreeUlpOfTheTrueValue() {
        Rng rng = new Rng(7);
        long worst = 0;
        double worstAt = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = sample(rng, i);
            long u = ulps(Activation.tanh(x), exactTanh(x));
            if (u > worst) {
                worst = u;
                worstAt = x;
            }
        }
        assertTrue(worst <= 3, "worst error " + worst + " ulp at " + worstAt);
    }

    @Test
    void fastTanhIsWithinFourUlpOfMathTanh() {
        Rng rng = new Rng(1);
        long worst = 0;
        for (int i = 0; i < 400_000; i++) {
            double x = sample(rng, i);
            worst = Math.max(worst, ulps(Activation.tanh(x), Math.tanh(x)));
        }
        assertTrue(worst <= 4, "worst error " + worst + " ulp");
    }

    @Test
    void exactReferenceAgreesWithMathTanh() { // the reference itself is checked, so the test above can fail only on tanh
        for (double x : new double[]{1e-10, -0.3, 0.625, 1.7, -5.5, 12}) {
            assertTrue(ulps(exactTanh(x), Math.tanh(x)) <= 1, "reference at " + x);
        }
    }

    @Test
    void fastTanhHandlesTheEdges() {
        assertEquals(0.0, Activation.tanh(0.0), 0.0);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(Activation.tanh(-0.0)));
        assertEquals(1.0, Activation.tanh(1000), 0.0);
        assertEquals(-1.0, Activation.tanh(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(Activation.tanh(Double.NaN)));
        assertEquals(1e-300, Activation.tanh(1e-300), 0.0);
    }

    @Test
    void layerTanhRunsOnVectorsWhereTheBuildPromisesThem() throws InterruptedException { // surefire starts the JVM with jdk.incubator.vector
        assertTrue(Activation.VECTOR_TANH, "the layers' tanh fell back to one value at a time");
        assertTrue(VectorTanh.LANES >= 4);
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (!VectorTanh.ready() && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertTrue(VectorTanh.ready(), "the warm-up never saw the vector tanh compiled");
    }

    @Test
    void vectorTanhIsBitForBitTheScalarTanh() {
        Rng rng = new Rng(11);
        double[] special = {0.0, -0.0, 1e-300, -Double.MIN_VALUE, 19.06, -19.07, 20, 21, 1e300,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.34657359027997264, 0.3465735902799727};
        for (int length : new int[]{VectorTanh.LANES, VectorTanh.LANES + 1, 10, 20, 40, 63, 500}) {
            for (int from : new int[]{0, 3}) {
                double[] z = new double[from + length + 5];
                for (int j = 0; j < z.length; j++) {
                    z[j] = j < special.length && length == 500 ? special[j] : sample(rng, j) * (j % 3 == 0 ? 10 : 1);
                }
                double[] a = new double[z.length];
                java.util.Arrays.fill(a, 7.0);
                VectorTanh.tanh(z, a, from, from + length);
                for (int j = 0; j < z.length; j++) {
                    boolean inside = j >= from && j < from + length;
                    double want = inside ? Activation.tanh(z[j]) : 7.0; // nothing outside the range is written
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(a[j]),
                            "length " + length + " from " + from + " at " + j + " (z = " + z[j] + ")");
                }
            }
        }
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        for (ActivationKind k : new ActivationKind[]{ActivationKind.LINEAR, ActivationKind.RELU,
                ActivationKind.LEAKY_RELU, ActivationKind.TANH, ActivationKind.SIGMOID}) {
            for (double z : new double[]{-2.3, -0.4, 0.7, 1.9}) {
                double h = 1e-6;
                double numeric = (Activation.value(k, z + h) - Activation.value(k, z - h)) / (2 * h);
                assertEquals(numeric, Activation.derivative(k, z, Activation.value(k, z)), 1e-8, k + " at " + z);
            }
        }
        assertEquals(0.0, Activation.derivative(ActivationKind.RELU, 0, 0), "PyTorch: relu'(0) = 0");
        assertEquals(0.01, Activation.derivative(ActivationKind.LEAKY_RELU, 0, 0));
    }

    @Test
    void fieldTanhIsAccurateEnoughForPixels() {
        for (double x = -20; x <= 20; x += 0.001) {
            assertEquals(Math.tanh(x), FieldComputer.fastTanh(x), 1e-6);
            assertEquals(1 / (1 + Math.exp(-x)), FieldComputer.fastSigmoid(x), 1e-6);
        }
    }
}
