package org.weightlab.engine;

/**
 * The engine's random numbers: SplitMix64 (Steele, Lea and Flood, 2014). Its whole state is one
 * {@code long}, so a checkpoint can save it and a trace can copy it to see the numbers a step
 * would draw without drawing them. Independent streams (initial weights, shuffling, dropout)
 * come from {@link #stream(long, int)}, so changing one use never shifts another.
 */
public final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    public Rng(long state) {
        this.state = state;
    }

    /** Stream {@code id} of the run seeded with {@code seed}: 1 weights, 2 shuffling, 3 dropout, 4 LoRA adapters' A. */
    public static Rng stream(long seed, int id) {
        return new Rng(mix(seed) ^ mix(GOLDEN * (id + 1L)));
    }

    public long state() {
        return state;
    }

    public void setState(long s) {
        state = s;
    }

    public Rng copy() {
        return new Rng(state);
    }

    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Uniform in [0, bound), without modulo bias: r = the top 31 bits of the next long, redrawn
     * while r >= limit (the largest multiple of bound up to 2^31), then r mod bound. The limit is
     * at least 2^31 - bound, so it is only worked out for the rare r above that. The integer
     * divisions are done as floating-point divisions, which pipeline where 64-bit integer
     * divisions do not (this was most of the cost of shuffling an epoch); for integers below
     * 2^31 the truncated quotient is exact, because its rounding error stays below 1 / bound.
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        double b = bound;
        while (true) {
            long r = nextLong() >>> 33;
            if (r < (1L << 31) - bound || r < (long) (0x1p31 / b) * bound) {
                return (int) (r - (long) (r / b) * bound);
            }
        }
    }

    /** Standard normal by Box-Muller; the second value is dropped so the state stays one long. */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]: log never sees 0
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
