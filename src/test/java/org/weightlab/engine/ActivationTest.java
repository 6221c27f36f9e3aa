package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;

class ActivationTest {

    /** Distance in units in the last place. */
    private static long ulps(double a, double b) {
        return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    }

    @Test
    void fastTanhIsWithinTwoUlpOfMathTanh() {
        Rng rng = new Rng(1);
        long worst = 0;
        for (int i = 0; i < 400_000; i++) {
            // Log-uniform magnitudes from 1e-12 to 40, both signs, plus a dense band around the switch at 0.625.
            double x = i % 4 == 0 ? 0.6 + 0.05 * rng.nextDouble() : Math.pow(10, -12 + 13.6 * rng.nextDouble());
            if (rng.nextDouble() < 0.5) {
                x = -x;
            }
            worst = Math.max(worst, ulps(Activation.tanh(x), Math.tanh(x)));
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
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
