package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.InitKind;
import org.weightlab.engine.config.InitSpec;

/** Initializer statistics on a 256 x 784 layer against PyTorch's formulas. */
class InitTest {

    private static final int IN = 784;
    private static final int OUT = 256;

    private static double[] draw(InitSpec spec) {
        double[] w = new double[IN * OUT];
        Init.fill(spec, IN, OUT, w, new Rng(12345));
        return w;
    }

    private static double mean(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s / w.length;
    }

    private static double std(double[] w) {
        double m = mean(w);
        double s = 0;
        for (double v : w) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / w.length);
    }

    private static void assertStd(double expected, double[] w) {
        double got = std(w);
        assertTrue(Math.abs(got - expected) <= 0.03 * expected, "std " + got + ", expected " + expected);
        assertTrue(Math.abs(mean(w)) < 0.05 * expected, "mean " + mean(w));
    }

    private static void assertBound(double bound, double[] w) {
        double max = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= bound && max > 0.99 * bound, "max |w| " + max + ", bound " + bound);
        assertStd(bound / Math.sqrt(3), w); // U(-a, a) has std a / sqrt(3)
    }

    @Test
    void heNormalHasStdSqrtTwoOverFanIn() {
        assertStd(Math.sqrt(2.0 / IN), draw(InitSpec.of(InitKind.HE_NORMAL)));
    }

    @Test
    void heUniformIsBoundedBySqrtSixOverFanIn() {
        assertBound(Math.sqrt(6.0 / IN), draw(InitSpec.of(InitKind.HE_UNIFORM)));
    }

    @Test
    void xavierUsesBothFans() {
        assertBound(Math.sqrt(6.0 / (IN + OUT)), draw(InitSpec.of(InitKind.XAVIER_UNIFORM)));
        assertStd(Math.sqrt(2.0 / (IN + OUT)), draw(InitSpec.of(InitKind.XAVIER_NORMAL)));
    }

    @Test
    void lecunNormalHasStdOneOverSqrtFanIn() {
        assertStd(1 / Math.sqrt(IN), draw(InitSpec.of(InitKind.LECUN_NORMAL)));
    }

    @Test
    void parameterisedKindsUseTheirParameters() {
        double[] u = draw(InitSpec.uniform(0.2, 0.6));
        for (double v : u) {
            assertTrue(v >= 0.2 && v < 0.6);
        }
        assertEquals(0.4, mean(u), 0.002);
        assertStd(0.3, draw(InitSpec.normal(0.3)));
        for (double v : draw(InitSpec.constant(0.1))) {
            assertEquals(0.1, v, 0.0);
        }
        for (double v : draw(InitSpec.ZEROS)) {
            assertEquals(0.0, v, 0.0);
        }
    }

    @Test
    void theSameSeedDrawsTheSameWeights() {
        assertArrayEquals(draw(InitSpec.of(InitKind.HE_NORMAL)), draw(InitSpec.of(InitKind.HE_NORMAL)), 0.0);
    }
}
