package org.weightlab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTicksTest {

    @Test
    void linearTicksFallOnRoundValues() {
        List<AxisTicks.Tick> ticks = AxisTicks.linear(0, 1, 5);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), ticks.stream().map(AxisTicks.Tick::label).toList());
        assertEquals(List.of("0", "5,000", "10,000"),
                AxisTicks.linear(0, 12_000, 3).stream().map(AxisTicks.Tick::label).toList());
    }

    @Test
    void logTicksAreDecadesWithTwoAndFiveOverShortRanges() {
        assertEquals(List.of("0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"),
                AxisTicks.log(0.009, 1.1).stream().map(AxisTicks.Tick::label).toList());
        assertEquals(List.of("1e-6", "1e-5", "1e-4", "0.001", "0.01", "0.1", "1"),
                AxisTicks.log(1e-6, 1).stream().map(AxisTicks.Tick::label).toList());
    }

    @Test
    void millionsAndBillionsOfStepsReadCompactly() {
        java.util.List<String> labels = AxisTicks.linear(0, 5_000_000, 6).stream().map(AxisTicks.Tick::label).toList();
        org.junit.jupiter.api.Assertions.assertTrue(labels.contains("2M") && labels.contains("1M"), labels.toString());
        java.util.List<String> big = AxisTicks.linear(0, 2.5e9, 6).stream().map(AxisTicks.Tick::label).toList();
        org.junit.jupiter.api.Assertions.assertTrue(big.contains("1B") && big.contains("1.5B"), big.toString());
    }
}
