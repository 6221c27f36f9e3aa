package org.weightlab.engine.data;

import java.util.SplittableRandom;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;

/**
 * The built-in data sets, generated from a seed.
 *
 * <p>The two-class sets ({@code circle}, {@code xor}, {@code gauss}, {@code spiral}) and the 2-D
 * regressions ({@code plane}, {@code multigauss}) follow TensorFlow Playground's {@code dataset.ts}:
 * same formulas, same constants, same order of random draws, points in [-6, 6]^2. The others are
 * ours, drawn in the same style: {@code moons} (two half circles), {@code gauss3} and
 * {@code spiral3} (three classes, labels 0/1/2), {@code line} (y = 2 x1 + 1) and {@code sine}
 * (y = sin x1); the last two are 1-D, so x2 is always 0.
 *
 * <p>Noise: {@link RunConfig#noise()} runs from 0 to 1 and maps to TF Playground's noise slider
 * from 0% to its maximum 50%, i.e. TF's generator parameter is {@code 0.5 * noise}. So
 * {@code noise = 0.4} here is TF's "Noise: 20". Our own sets use that same TF-scale value
 * (0 to 0.5): moons, line and sine add Gaussian noise of standard deviation
 * {@code 3 * tfNoise}, {@code tfNoise} and {@code tfNoise}; gauss3 and spiral3 spread as gauss
 * and spiral do.
 *
 * <p>Randomness: one {@link SplittableRandom} (SplitMix64, a fixed algorithm) seeded with the
 * config's seed draws every number, first for the points and then for the shuffle; trigonometry
 * and logarithms use
 * {@link StrictMath}, so the same seed gives bit-identical data on every JVM and machine.
 *
 * <p>Split: as TF Playground, the points are shuffled (Fisher-Yates, TF's variant) and the first
 * {@code floor(samples * trainFraction)} become the training set, the rest the test set; each
 * side keeps at least one point.
 *
 * <p>Class sizes: with an odd number of samples the first class gets the extra point (TF would
 * make one point more than asked); three classes share the samples as evenly as possible.
 */
public final class DataGenerator {

    /** Half-width of the square that holds the 2-D data sets. */
    public static final double RADIUS = 6;

    private DataGenerator() {
    }

    /**
     * The data set, split and shuffled, that {@code config} describes: generated from the seed,
     * the digits, or the data the config carries ({@code custom}).
     *
     * <p>Digits and carried data are split as the generated sets are: the rows (all 1,797 images,
     * or the carried rows in file order) are shuffled with the seed (TF's Fisher-Yates, one
     * {@link SplittableRandom} seeded with the config's seed), the first {@code samples} taken
     * (digits may use a subset), and the first {@code floor(samples * trainFraction)} of those
     * train. Noise does not apply to them. Carried data with a fixed split
     * ({@link InlineData#inTest()}, clicked points) is not shuffled: its training rows, then its
     * test rows, each in row order. Carried data marked {@code standardize} then has each
     * column standardized with the training part's mean and deviation ({@link Standardization}),
     * recorded in the split.
     */
    public static DataSplit generate(RunConfig config) {
        if (config.dataset() == DatasetKind.CUSTOM) {
            InlineData d = config.inlineData();
            DataSplit raw = d.fixedSplit() ? fixedSplit(d)
                    : split(d.rows(), d.labels(), d.dims(), d.size(), new SplittableRandom(config.seed()),
                            config.trainFraction());
            if (!d.standardize()) {
                return raw;
            }
            Standardization st = Standardization.of(raw.train().points(), d.dims());
            return new DataSplit(st.apply(raw.train()), st.apply(raw.test()), st);
        }
        return generate(config.dataset(), config.samples(), config.noise(), config.trainFraction(), config.seed());
    }

    /**
     * Generates {@code samples} points of {@code kind} and splits them.
     *
     * @param noise         0 to 1 (see the class comment for the mapping to TF Playground's noise)
     * @param trainFraction share of the points that go to the training set, in (0, 1)
     */
    public static DataSplit generate(DatasetKind kind, int samples, double noise, double trainFraction, long seed) {
        if (kind == null) {
            throw new IllegalArgumentException("dataset kind is missing");
        }
        if (!kind.generated()) {
            throw new IllegalArgumentException(kind.id() + " data is carried by the config, not generated");
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2, got " + samples);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise must be between 0 and 1, got " + noise);
        }
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction must be between 0 and 1, got " + trainFraction);
        }
        if (kind == DatasetKind.DIGITS) {
            if (samples > DatasetKind.DIGITS_IMAGES) {
                throw new IllegalArgumentException("digits has " + DatasetKind.DIGITS_IMAGES + " images, samples is "
                        + samples);
            }
            Dataset all = Digits.all();
            return split(all.points(), all.labels(), Digits.PIXELS, samples, new SplittableRandom(seed),
                    trainFraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Points points = new Points(samples, new Draws(random));
        double tfNoise = 0.5 * noise;
        switch (kind) {
            case CIRCLE -> circle(points, tfNoise);
            case XOR -> xor(points, tfNoise);
            case GAUSS -> gauss(points, tfNoise);
            case SPIRAL -> spiral(points, tfNoise);
            case MOONS -> moons(points, tfNoise);
            case GAUSS3 -> gauss3(points, tfNoise);
            case SPIRAL3 -> spiral3(points, tfNoise);
            case PLANE -> plane(points, tfNoise);
            case MULTIGAUSS -> multigauss(points, tfNoise);
            case LINE -> line(points, tfNoise);
            case SINE -> sine(points, tfNoise);
        }
        if (points.count != samples) {
            throw new IllegalStateException(kind.id() + " made " + points.count + " points for " + samples);
        }
        return points.shuffleAndSplit(random, trainFraction);
    }

    // ---- TF Playground's generators -------------------------------------------------------------

    private static void circle(Points p, double noise) {
        double radius = 5;
        int inside = p.firstHalf();
        for (int i = 0; i < p.samples; i++) {
            // Positive points inside radius 2.5, negative ones in the ring 3.5..5; with noise the
            // label follows the displaced point, as in TF.
            double r = i < inside ? p.rand.uniform(0, radius * 0.5) : p.rand.uniform(radius * 0.7, radius);
            double angle = p.rand.uniform(0, 2 * Math.PI);
            double x = r * StrictMath.sin(angle);
            double y = r * StrictMath.cos(angle);
            double noiseX = p.rand.uniform(-radius, radius) * noise;
            double noiseY = p.rand.uniform(-radius, radius) * noise;
            p.add(x, y, circleLabel(x + noiseX, y + noiseY));
        }
    }

    /** TF's circle rule: +1 strictly inside radius 2.5, else -1. */
    public static double circleLabel(double x, double y) {
        return Math.sqrt(x * x + y * y) < 2.5 ? 1 : -1;
    }

    private static void xor(Points p, double noise) {
        double padding = 0.3;
        for (int i = 0; i < p.samples; i++) {
            double x = p.rand.uniform(-5, 5);
            x += x > 0 ? padding : -padding;
            double y = p.rand.uniform(-5, 5);
            y += y > 0 ? padding : -padding;
            double noiseX = p.rand.uniform(-5, 5) * noise;
            double noiseY = p.rand.uniform(-5, 5) * noise;
            p.add(x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1);
        }
    }

    private static void gauss(Points p, double noise) {
        double variance = gaussVariance(noise);
        int positive = p.firstHalf();
        for (int i = 0; i < p.samples; i++) {
            double c = i < positive ? 2 : -2;
            double x = p.rand.normal(c, variance);
            double y = p.rand.normal(c, variance);
            p.add(x, y, i < positive ? 1 : -1);
        }
    }

    /** TF maps noise 0..0.5 linearly to a variance of 0.5..4. */
    private static double gaussVariance(double noise) {
        return 0.5 + noise / 0.5 * 3.5;
    }

    private static void spiral(Points p, double noise) {
        int first = p.firstHalf();
        spiralArm(p, first, 0, 1, noise);
        spiralArm(p, p.samples - first, Math.PI, -1, noise);
    }

    private static void spiralArm(Points p, int n, double deltaT, double label, double noise) {
        for (int i = 0; i < n; i++) {
            double r = (double) i / n * 5;
            double t = 1.75 * i / n * 2 * Math.PI + deltaT;
            double x = r * StrictMath.sin(t) + p.rand.uniform(-1, 1) * noise;
            double y = r * StrictMath.cos(t) + p.rand.uniform(-1, 1) * noise;
            p.add(x, y, label);
        }
    }

    private static void plane(Points p, double noise) {
        for (int i = 0; i < p.samples; i++) {
            double x = p.rand.uniform(-RADIUS, RADIUS);
            double y = p.rand.uniform(-RADIUS, RADIUS);
            double noiseX = p.rand.uniform(-RADIUS, RADIUS) * noise;
            double noiseY = p.rand.uniform(-RADIUS, RADIUS) * noise;
            // TF's d3 scale maps x + y from [-10, 10] to [-1, 1] without clamping.
            p.add(x, y, (x + noiseX + y + noiseY) / 10);
        }
    }

    /** Centres and signs of TF's six regression bumps. */
    private static final double[][] BUMPS = {
        {-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

    private static void multigauss(Points p, double noise) {
        for (int i = 0; i < p.samples; i++) {
            double x = p.rand.uniform(-RADIUS, RADIUS);
            double y = p.rand.uniform(-RADIUS, RADIUS);
            double noiseX = p.rand.uniform(-RADIUS, RADIUS) * noise;
            double noiseY = p.rand.uniform(-RADIUS, RADIUS) * noise;
            p.add(x, y, multigaussLabel(x + noiseX, y + noiseY));
        }
    }

    /** The bump largest in absolute value: sign * (1 - distance / 2), clamped to [0, 1]. */
    static double multigaussLabel(double x, double y) {
        double label = 0;
        for (double[] b : BUMPS) {
            double dx = x - b[0];
            double dy = y - b[1];
            double scaled = 1 - Math.sqrt(dx * dx + dy * dy) / 2;
            double candidate = b[2] * Math.max(0, Math.min(1, scaled));
            if (Math.abs(candidate) > Math.abs(label)) {
                label = candidate;
            }
        }
        return label;
    }

    // ---- Our additions, in the same style ----------------------------------------------------

    /**
     * Two interleaved half circles (scikit-learn's make_moons, scaled by 3 and centred): the
     * upper moon is +1, the lower -1. Noise displaces each point by a Gaussian of standard
     * deviation 3 * noise (up to 1.5 at TF's maximum).
     */
    private static void moons(Points p, double noise) {
        double scale = 3;
        int upper = p.firstHalf();
        for (int i = 0; i < p.samples; i++) {
            double angle = p.rand.uniform(0, Math.PI);
            boolean isUpper = i < upper;
            double x = isUpper ? StrictMath.cos(angle) : 1 - StrictMath.cos(angle);
            double y = isUpper ? StrictMath.sin(angle) : 0.5 - StrictMath.sin(angle);
            x = (x - 0.5) * scale + p.rand.normal(0, 1) * scale * noise;
            y = (y - 0.25) * scale + p.rand.normal(0, 1) * scale * noise;
            p.add(x, y, isUpper ? 1 : -1);
        }
    }

    /** Three Gaussian blobs 3 from the centre at 90, 210 and 330 degrees; variance as gauss. */
    private static void gauss3(Points p, double noise) {
        double variance = gaussVariance(noise);
        for (int i = 0; i < p.samples; i++) {
            int label = p.thirdOf(i);
            double angle = Math.PI / 2 + label * 2 * Math.PI / 3;
            double x = p.rand.normal(3 * StrictMath.cos(angle), variance);
            double y = p.rand.normal(3 * StrictMath.sin(angle), variance);
            p.add(x, y, label);
        }
    }

    /** Three spiral arms a third of a turn apart, drawn as TF's two-arm spiral. */
    private static void spiral3(Points p, double noise) {
        int[] sizes = p.thirds();
        for (int arm = 0; arm < 3; arm++) {
            spiralArm(p, sizes[arm], arm * 2 * Math.PI / 3, arm, noise);
        }
    }

    /** y = 2 x1 + 1 for x1 in [-1, 1], plus Gaussian noise of standard deviation {@code noise}. */
    private static void line(Points p, double noise) {
        for (int i = 0; i < p.samples; i++) {
            double x = p.rand.uniform(-1, 1);
            p.add(x, 0, 2 * x + 1 + p.rand.normal(0, 1) * noise);
        }
    }

    /** y = sin(x1) for x1 in [-6, 6], plus Gaussian noise of standard deviation {@code noise}. */
    private static void sine(Points p, double noise) {
        for (int i = 0; i < p.samples; i++) {
            double x = p.rand.uniform(-RADIUS, RADIUS);
            p.add(x, 0, StrictMath.sin(x) + p.rand.normal(0, 1) * noise);
        }
    }

    // ---- Plumbing ---------------------------------------------------------------------------

    /** TF's random helpers over one seeded generator. */
    private record Draws(SplittableRandom random) {

        /** Uniform in [a, b), as TF's randUniform. */
        double uniform(double a, double b) {
            return random.nextDouble() * (b - a) + a;
        }

        /** Marsaglia's polar method, as TF's normalRandom (which takes a variance, not a deviation). */
        double normal(double mean, double variance) {
            double v1;
            double v2;
            double s;
            do {
                v1 = 2 * random.nextDouble() - 1;
                v2 = 2 * random.nextDouble() - 1;
                s = v1 * v1 + v2 * v2;
            } while (s >= 1 || s == 0);
            double result = Math.sqrt(-2 * StrictMath.log(s) / s) * v1;
            return mean + Math.sqrt(variance) * result;
        }
    }

    /** The points generated so far, in generation order. */
    private static final class Points {
        final int samples;
        final Draws rand;
        /** x1, x2 interleaved. */
        final double[] xy;
        final double[] labels;
        int count;

        Points(int samples, Draws rand) {
            this.samples = samples;
            this.rand = rand;
            this.xy = new double[2 * samples];
            this.labels = new double[samples];
        }

        void add(double x, double y, double label) {
            xy[2 * count] = x;
            xy[2 * count + 1] = y;
            labels[count] = label;
            count++;
        }

        /** Size of the first of two classes; it takes the odd point. */
        int firstHalf() {
            return samples - samples / 2;
        }

        int[] thirds() {
            int base = samples / 3;
            int extra = samples % 3;
            return new int[] {base + (extra > 0 ? 1 : 0), base + (extra > 1 ? 1 : 0), base};
        }

        /** Class (0, 1 or 2) of the i-th generated point when classes are generated in order. */
        int thirdOf(int i) {
            int[] sizes = thirds();
            return i < sizes[0] ? 0 : i < sizes[0] + sizes[1] ? 1 : 2;
        }

        DataSplit shuffleAndSplit(SplittableRandom random, double trainFraction) {
            return split(xy, labels, 2, samples, random, trainFraction);
        }
    }

    /**
     * Shuffles the {@code labels.length} rows (TF's Fisher-Yates), keeps the first {@code samples}
     * and splits them: the first {@code floor(samples * trainFraction)} train, the rest test, at
     * least one row each side.
     */
    static DataSplit split(double[] rows, double[] labels, int dims, int samples, SplittableRandom random,
                           double trainFraction) {
        int n = labels.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // TF's Fisher-Yates: pick an index below the counter, then swap it with the counter's slot.
        for (int counter = n; counter > 0; ) {
            int index = random.nextInt(counter);
            counter--;
            int t = order[counter];
            order[counter] = order[index];
            order[index] = t;
        }
        int split = Math.max(1, Math.min(samples - 1, (int) Math.floor(samples * trainFraction)));
        return new DataSplit(slice(rows, labels, dims, order, 0, split),
                slice(rows, labels, dims, order, split, samples));
    }

    /**
     * The test flags the seed's split gives {@code rows} rows of carried data (what
     * {@link #generate(RunConfig)} does without a fixed split): true for a row that lands in the test set.
     */
    public static boolean[] seededTestRows(int rows, long seed, double trainFraction) {
        double[] index = new double[rows];
        for (int i = 0; i < rows; i++) {
            index[i] = i;
        }
        DataSplit s = split(index, new double[rows], 1, rows, new SplittableRandom(seed), trainFraction);
        boolean[] test = new boolean[rows];
        for (int k = 0; k < s.test().size(); k++) {
            test[(int) s.test().value(k, 0)] = true;
        }
        return test;
    }

    /** Carried rows split by their own flags: the training rows, then the test rows, each in row order. */
    private static DataSplit fixedSplit(InlineData d) {
        int n = d.size();
        int[] order = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!d.isTest(i)) {
                order[k++] = i;
            }
        }
        int trainSize = k;
        for (int i = 0; i < n; i++) {
            if (d.isTest(i)) {
                order[k++] = i;
            }
        }
        double[] rows = d.rows();
        double[] labels = d.labels();
        return new DataSplit(slice(rows, labels, d.dims(), order, 0, trainSize),
                slice(rows, labels, d.dims(), order, trainSize, n));
    }

    private static Dataset slice(double[] rows, double[] labels, int dims, int[] order, int from, int to) {
        double[] p = new double[dims * (to - from)];
        double[] l = new double[to - from];
        for (int k = from; k < to; k++) {
            int src = order[k];
            System.arraycopy(rows, src * dims, p, dims * (k - from), dims);
            l[k - from] = labels[src];
        }
        return new Dataset(p, l, dims);
    }
}
