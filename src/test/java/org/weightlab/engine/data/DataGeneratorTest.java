package org.weightlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;

class DataGeneratorTest {

    private static Dataset all(DataSplit s) {
        double[] p = new double[s.train().points().length + s.test().points().length];
        System.arraycopy(s.train().points(), 0, p, 0, s.train().points().length);
        System.arraycopy(s.test().points(), 0, p, s.train().points().length, s.test().points().length);
        double[] l = new double[s.train().size() + s.test().size()];
        System.arraycopy(s.train().labels(), 0, l, 0, s.train().size());
        System.arraycopy(s.test().labels(), 0, l, s.train().size(), s.test().size());
        return new Dataset(p, l);
    }

    @Test
    void circleLabelsFollowTheRadiusRuleWithoutNoise() {
        Dataset d = all(DataGenerator.generate(DatasetKind.CIRCLE, 500, 0, 0.5, 7));
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x1(i), d.x2(i));
            // Positive points lie inside radius 2.5, negative ones in the ring from 3.5 to 5.
            if (d.label(i) > 0) {
                assertTrue(r < 2.5, "positive point at radius " + r);
            } else {
                assertEquals(-1, d.label(i));
                assertTrue(r >= 3.5 - 1e-12 && r <= 5 + 1e-12, "negative point at radius " + r);
            }
        }
    }

    @Test
    void noisyCircleLabelsSomePointsAcrossTheBoundary() {
        Dataset d = all(DataGenerator.generate(DatasetKind.CIRCLE, 500, 1, 0.5, 7));
        int crossing = 0;
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x1(i), d.x2(i));
            if ((r < 2.5) != (d.label(i) > 0)) {
                crossing++;
            }
        }
        assertTrue(crossing > 10, "only " + crossing + " noisy labels");
    }

    @Test
    void xorLabelsAreTheSignOfTheProductWithoutNoise() {
        Dataset d = all(DataGenerator.generate(DatasetKind.XOR, 400, 0, 0.5, 3));
        for (int i = 0; i < d.size(); i++) {
            assertEquals(d.x1(i) * d.x2(i) >= 0 ? 1.0 : -1.0, d.label(i));
            // TF pads points 0.3 away from the axes.
            assertTrue(Math.abs(d.x1(i)) >= 0.3 && Math.abs(d.x2(i)) >= 0.3);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatasetKind.class, names = {"CIRCLE", "GAUSS", "SPIRAL", "MOONS"})
    void twoClassSetsAreBalanced(DatasetKind kind) {
        // Without noise: with it, circle and xor label the displaced point, as TF does.
        Dataset d = all(DataGenerator.generate(kind, 501, 0, 0.5, 11));
        long pos = Arrays.stream(d.labels()).filter(l -> l == 1).count();
        long neg = Arrays.stream(d.labels()).filter(l -> l == -1).count();
        assertEquals(501, pos + neg, "labels are -1 or +1");
        assertEquals(251, pos);
        assertEquals(250, neg);
    }

    @ParameterizedTest
    @EnumSource(value = DatasetKind.class, names = {"GAUSS3", "SPIRAL3"})
    void threeClassSetsUseLabelsZeroOneTwoInEqualShares(DatasetKind kind) {
        Dataset d = all(DataGenerator.generate(kind, 300, 0.2, 0.5, 5));
        Map<Double, Integer> counts = new HashMap<>();
        for (double l : d.labels()) {
            counts.merge(l, 1, Integer::sum);
        }
        assertEquals(Map.of(0.0, 100, 1.0, 100, 2.0, 100), counts);
    }

    @Test
    void gauss3ClassesSitAroundTheirOwnCentres() {
        Dataset d = all(DataGenerator.generate(DatasetKind.GAUSS3, 3000, 0, 0.5, 5));
        double[][] sum = new double[3][2];
        int[] n = new int[3];
        for (int i = 0; i < d.size(); i++) {
            int c = (int) d.label(i);
            sum[c][0] += d.x1(i);
            sum[c][1] += d.x2(i);
            n[c]++;
        }
        for (int c = 0; c < 3; c++) {
            double angle = Math.PI / 2 + c * 2 * Math.PI / 3;
            assertEquals(3 * Math.cos(angle), sum[c][0] / n[c], 0.1);
            assertEquals(3 * Math.sin(angle), sum[c][1] / n[c], 0.1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatasetKind.class, mode = EnumSource.Mode.EXCLUDE, names = "CUSTOM") // carried, not generated
    void sameSeedGivesBitIdenticalData(DatasetKind kind) {
        DataSplit a = DataGenerator.generate(kind, 200, 0.5, 0.6, 42);
        DataSplit b = DataGenerator.generate(kind, 200, 0.5, 0.6, 42);
        assertArrayEquals(a.train().points(), b.train().points());
        assertArrayEquals(a.train().labels(), b.train().labels());
        assertArrayEquals(a.test().points(), b.test().points());
        assertArrayEquals(a.test().labels(), b.test().labels());
    }

    @ParameterizedTest
    @EnumSource(value = DatasetKind.class, mode = EnumSource.Mode.EXCLUDE, names = "CUSTOM")
    void differentSeedGivesDifferentData(DatasetKind kind) {
        DataSplit a = DataGenerator.generate(kind, 200, 0.5, 0.6, 42);
        DataSplit b = DataGenerator.generate(kind, 200, 0.5, 0.6, 43);
        assertFalse(Arrays.equals(a.train().points(), b.train().points()));
    }

    @ParameterizedTest
    @EnumSource(value = DatasetKind.class, mode = EnumSource.Mode.EXCLUDE, names = {"DIGITS", "CUSTOM"}) // 2-D sets
    void pointsStayInTheirRangeAndLabelsFitTheProblem(DatasetKind kind) {
        Dataset d = all(DataGenerator.generate(kind, 1000, 0, 0.5, 9));
        for (int i = 0; i < d.size(); i++) {
            assertTrue(Math.abs(d.x1(i)) <= 6 && Math.abs(d.x2(i)) <= 6,
                    kind + " point (" + d.x1(i) + ", " + d.x2(i) + ")");
            double l = d.label(i);
            if (kind.classes() == 2) {
                assertTrue(l == 1 || l == -1);
            } else if (kind.classes() == 3) {
                assertTrue(l == 0 || l == 1 || l == 2);
            } else {
                assertEquals(ProblemKind.REGRESSION, kind.problem());
                assertTrue(Double.isFinite(l));
            }
            if (kind.oneDimensional()) {
                assertEquals(0.0, d.x2(i));
            }
        }
    }

    @Test
    void regressionLabelsFollowTheirFormulasWithoutNoise() {
        Dataset line = all(DataGenerator.generate(DatasetKind.LINE, 100, 0, 0.5, 1));
        Dataset sine = all(DataGenerator.generate(DatasetKind.SINE, 100, 0, 0.5, 1));
        Dataset plane = all(DataGenerator.generate(DatasetKind.PLANE, 100, 0, 0.5, 1));
        Dataset bumps = all(DataGenerator.generate(DatasetKind.MULTIGAUSS, 100, 0, 0.5, 1));
        for (int i = 0; i < 100; i++) {
            assertEquals(2 * line.x1(i) + 1, line.label(i), 1e-15);
            assertEquals(Math.sin(sine.x1(i)), sine.label(i), 1e-15);
            assertEquals((plane.x1(i) + plane.x2(i)) / 10, plane.label(i), 1e-15);
            assertTrue(Math.abs(bumps.label(i)) <= 1);
        }
        // At a bump's centre the label is its sign; far from every bump it is 0.
        assertEquals(1.0, DataGenerator.multigaussLabel(-4, 2.5));
        assertEquals(-1.0, DataGenerator.multigaussLabel(0, 2.5));
        assertEquals(0.0, DataGenerator.multigaussLabel(-2, 0));
    }

    @Test
    void splitFollowsTheTrainFraction() {
        DataSplit s = DataGenerator.generate(DatasetKind.SPIRAL, 500, 0, 0.7, 1);
        assertEquals(350, s.train().size());
        assertEquals(150, s.test().size());
        DataSplit tiny = DataGenerator.generate(DatasetKind.CIRCLE, 2, 0, 0.1, 1);
        assertEquals(1, tiny.train().size(), "each side keeps a point");
        assertEquals(1, tiny.test().size());
    }

    @Test
    void splitIsAShuffleOfTheSamePoints() {
        // Changing only the fraction moves the cut, not the points: the union is the same multiset.
        Set<String> a = pointSet(all(DataGenerator.generate(DatasetKind.XOR, 300, 0.2, 0.3, 8)));
        Set<String> b = pointSet(all(DataGenerator.generate(DatasetKind.XOR, 300, 0.2, 0.8, 8)));
        assertEquals(300, a.size());
        assertEquals(a, b);
        // The shuffle mixes classes: the training set of a spiral is not one arm first.
        Dataset train = DataGenerator.generate(DatasetKind.SPIRAL, 500, 0, 0.5, 1).train();
        long firstHalfPositives = Arrays.stream(train.labels(), 0, 125).filter(l -> l == 1).count();
        assertTrue(firstHalfPositives > 30 && firstHalfPositives < 95, "" + firstHalfPositives);
    }

    private static Set<String> pointSet(Dataset d) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < d.size(); i++) {
            s.add(d.x1(i) + "," + d.x2(i) + "," + d.label(i));
        }
        return s;
    }

    @Test
    void generateFromConfigUsesItsDataSettings() {
        RunConfig c = RunConfig.defaults().withData(120, 0.25, 0.4, 99);
        DataSplit viaConfig = DataGenerator.generate(c);
        DataSplit direct = DataGenerator.generate(c.dataset(), 120, 0.25, 0.4, 99);
        assertArrayEquals(direct.train().points(), viaConfig.train().points());
        assertEquals(48, viaConfig.train().size());
    }

    @Test
    void gaussSpreadGrowsWithNoiseAsInTfPlayground() {
        // TF: variance 0.5 at noise 0 and 4 at its maximum (our noise 1).
        assertEquals(0.5, sampleVariance(DataGenerator.generate(DatasetKind.GAUSS, 20000, 0, 0.5, 2)), 0.03);
        assertEquals(4.0, sampleVariance(DataGenerator.generate(DatasetKind.GAUSS, 20000, 1, 0.5, 2)), 0.2);
    }

    private static double sampleVariance(DataSplit s) {
        Dataset d = all(s);
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.label(i) == 1) {
                double v = d.x1(i) - 2;
                sum += v;
                sq += v * v;
                n++;
            }
        }
        return sq / n - (sum / n) * (sum / n);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataGenerator.generate(DatasetKind.XOR, 1, 0, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> DataGenerator.generate(DatasetKind.XOR, 10, 2, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> DataGenerator.generate(DatasetKind.XOR, 10, 0, 1, 1));
    }
}
