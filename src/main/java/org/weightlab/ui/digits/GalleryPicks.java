package org.weightlab.ui.digits;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.data.Dataset;

/**
 * Which test examples the test-digits gallery shows, in what order: one of each class in turn (the
 * first 0, the first 1, ... the first 9, then the second 0, ...), so that any page of ten or more
 * pictures holds every class the test split has. Pages follow that order; together they hold every
 * test example once.
 */
final class GalleryPicks {

    private final int[] order;

    private GalleryPicks(int[] order) {
        this.order = order;
    }

    /** The order of {@code test}'s examples, with labels read as class numbers 0..classes-1. */
    static GalleryPicks of(Dataset test, int classes) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        List<Integer> others = new ArrayList<>(); // labels outside 0..classes-1 (none in digits)
        for (int i = 0; i < test.size(); i++) {
            double y = test.label(i);
            int c = (int) y;
            if (c == y && c >= 0 && c < classes) {
                byClass.get(c).add(i);
            } else {
                others.add(i);
            }
        }
        int[] order = new int[test.size()];
        int n = 0;
        for (int round = 0; n < order.length - others.size(); round++) {
            for (List<Integer> rows : byClass) {
                if (round < rows.size()) {
                    order[n++] = rows.get(round);
                }
            }
        }
        for (int i : others) {
            order[n++] = i;
        }
        return new GalleryPicks(order);
    }

    /** How many examples there are to show. */
    int size() {
        return order.length;
    }

    /** How many pages of {@code perPage} pictures the examples fill. */
    int pages(int perPage) {
        return Math.max(1, (order.length + perPage - 1) / perPage);
    }

    /** The test rows of page {@code page} (0 first) at {@code perPage} pictures a page; the last may be short. */
    int[] page(int page, int perPage) {
        int from = Math.min(order.length, Math.max(0, page) * perPage);
        int to = Math.min(order.length, from + perPage);
        return java.util.Arrays.copyOfRange(order, from, to);
    }
}
