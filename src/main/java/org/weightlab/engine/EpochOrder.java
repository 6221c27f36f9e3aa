package org.weightlab.engine;

/** An epoch's example order: the identity, or a Fisher-Yates shuffle drawn from the run's shuffle stream. */
final class EpochOrder {

    private EpochOrder() {
    }

    /**
     * Writes the order of {@code n} examples into {@code o} and returns the scratch array of swap
     * partners ({@code swaps} when large enough, else a new one). The draws come first, in the same
     * order as the swaps would take them: they do not depend on the swaps, and in a loop of their
     * own they overlap one another.
     */
    static int[] draw(Rng rng, int[] o, int n, boolean shuffle, int[] swaps) {
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        if (!shuffle) {
            return swaps;
        }
        int[] partner = swaps == null || swaps.length < n ? new int[n] : swaps;
        for (int i = n - 1; i > 0; i--) {
            partner[i] = rng.nextInt(i + 1);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = partner[i];
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return partner;
    }
}
