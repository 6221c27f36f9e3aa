package org.weightlab.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModelSizeTest {

    /** 2 -> 4 -> 1: 8 + 4 weights and 4 + 1 biases; two weights and one bias are 0. */
    private static WeightSet small() {
        return new WeightSet(new double[][]{{1, 0, 2, 3, -1, 0, 4, 5}, {1, 2, 3, -4}},
                new double[][]{{0, 1, 1, 1}, {0.5}});
    }

    @Test
    void countsWeightsBiasesAndNonZerosPerLayerAndInTotal() {
        ModelSize size = ModelSize.of(small());
        assertEquals(new ModelSize.LayerSize(8, 4, 6, 3), size.layers().get(0));
        assertEquals(new ModelSize.LayerSize(4, 1, 4, 1), size.layers().get(1));
        assertEquals(12, size.weights());
        assertEquals(5, size.biases());
        assertEquals(17, size.parameters());
        assertEquals(14, size.nonzero());
        assertEquals(10, size.nonzeroWeights());
    }

    @Test
    void bytesAtEachWidthRoundUpToWholeBytes() {
        ModelSize size = ModelSize.of(small());
        assertEquals(136, size.bytes(StorageFormat.FLOAT64)); // 17 * 8
        assertEquals(68, size.bytes(StorageFormat.FLOAT32)); // 17 * 4
        assertEquals(17, size.bytes(StorageFormat.INT8));
        assertEquals(9, size.bytes(StorageFormat.INT4)); // 68 bits = 8.5 bytes
        assertEquals(4, size.bytes(StorageFormat.TERNARY)); // 26.86 bits = 3.36 bytes
        assertEquals(3, size.bytes(StorageFormat.BINARY)); // 17 bits = 2.125 bytes
    }

    @Test
    void sevenBillionParameters() {
        long n = ModelSize.SEVEN_BILLION;
        assertEquals(56_000_000_000L, StorageFormat.FLOAT64.bytes(n));
        assertEquals(28_000_000_000L, StorageFormat.FLOAT32.bytes(n));
        assertEquals(7_000_000_000L, StorageFormat.INT8.bytes(n));
        assertEquals(3_500_000_000L, StorageFormat.INT4.bytes(n));
        assertEquals(1_382_500_000L, StorageFormat.TERNARY.bytes(n)); // 7e9 * 1.58 / 8
        assertEquals(875_000_000L, StorageFormat.BINARY.bytes(n));
    }

    @Test
    void noParametersTakeNoBytes() {
        for (StorageFormat f : StorageFormat.values()) {
            assertEquals(0, f.bytes(0));
        }
        assertEquals(1, StorageFormat.BINARY.bytes(1));
    }
}
