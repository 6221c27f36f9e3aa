package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.LossKind;

/** The cross-entropy from the softmax's kept sums is the loss computed from z alone, bit for bit. */
class SoftmaxLossTest {

    @Test
    void crossEntropyFromTheKeptSumsIsTheLossFromZ() {
        Rng rng = new Rng(4);
        int k = 10;
        int cap = 32;
        int n = 29;
        double[] z = new double[k * cap];
        for (int j = 0; j < z.length; j++) {
            z[j] = (rng.nextDouble() - 0.5) * (j % 4 == 0 ? 40 : 3);
        }
        double[] labels = new double[cap];
        for (int b = 0; b < n; b++) {
            labels[b] = (b * 7) % k;
        }
        double[] a = new double[z.length];
        double[] sums = new double[cap];
        Activation.softmax(z, a, k, cap, n, sums);
        double[] da = new double[z.length];
        double[] dz = new double[z.length];
        double kept = Loss.batch(LossKind.CROSS_ENTROPY, ActivationKind.SOFTMAX, z, a, k, cap, n, labels, da, dz, sums);
        double again = Loss.batch(LossKind.CROSS_ENTROPY, ActivationKind.SOFTMAX, z, a, k, cap, n, labels, da, dz,
                null);
        double oneByOne = 0;
        for (int b = 0; b < n; b++) {
            oneByOne += Loss.value(LossKind.CROSS_ENTROPY, z, a, b, cap, k, labels[b]);
        }
        assertEquals(Double.doubleToRawLongBits(again), Double.doubleToRawLongBits(kept));
        assertEquals(Double.doubleToRawLongBits(oneByOne), Double.doubleToRawLongBits(kept));
    }
}
