package org.weightlab.ui.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.data.Dataset;

class GalleryPicksTest {

    /** Rows labelled by {@code labels}, one input each. */
    private static Dataset labelled(double... labels) {
        return new Dataset(new double[labels.length], labels, 1);
    }

    @Test
    void pagesTakeOneOfEachClassInTurnAndTogetherHoldEveryRowOnce() {
        // rows:            0  1  2  3  4  5  6  7
        Dataset d = labelled(2, 0, 0, 1, 2, 0, 1, 1);
        GalleryPicks picks = GalleryPicks.of(d, 3);
        assertArrayEquals(new int[] {1, 3, 0}, picks.page(0, 3), "the first 0, the first 1, the first 2");
        assertArrayEquals(new int[] {2, 6, 4}, picks.page(1, 3), "then the second of each");
        assertArrayEquals(new int[] {5, 7}, picks.page(2, 3), "classes run out: the rest, a short last page");
        assertEquals(3, picks.pages(3));
        int[] all = picks.page(0, 8);
        Arrays.sort(all);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, all);
    }
}
