package org.weightlab.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedrawGateTest {

    private static final long MS = 1_000_000L;

    @Test
    void atMostOncePerIntervalOnSixtyHertzPulses() {
        RedrawGate gate = new RedrawGate(20); // every 50 ms
        assertEquals(50 * MS, gate.intervalNanos());
        int drawn = 0;
        // one second of pulses every 16.67 ms, starting at an arbitrary (even negative) time
        long start = -123_456_789L;
        for (int k = 0; k < 60; k++) {
            if (gate.take(start + Math.round(k * 1e9 / 60))) {
                drawn++;
            }
        }
        // 50 ms are 3 pulses: frames 0, 3, 6, ... 57
        assertEquals(20, drawn);
    }

    @Test
    void theFirstAskIsAlwaysDueAndResetMakesTheNextDue() {
        RedrawGate gate = new RedrawGate(10);
        assertTrue(gate.isDue(Long.MIN_VALUE / 2));
        gate.mark(1000 * MS);
        assertFalse(gate.isDue(1050 * MS));
        assertTrue(gate.isDue(1100 * MS));
        gate.reset();
        assertTrue(gate.isDue(1001 * MS));
        assertTrue(gate.take(1001 * MS));
        assertFalse(gate.take(1002 * MS));
    }

    @Test
    void rejectsRatesThatAreNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new RedrawGate(0));
        assertThrows(IllegalArgumentException.class, () -> new RedrawGate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new RedrawGate(Double.POSITIVE_INFINITY));
    }
}
