package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;

class CompressBenchmarkTest {

    @Test
    void printsTheSweepTimeOfNetworkBAsBenchLines() {
        RunConfig b = RunConfig.defaults().withFeatures(List.of(Feature.values()))
                .withHidden(List.of(8, 8, 8, 8, 8, 8), List.of());
        StringWriter text = new StringWriter();
        CompressBenchmark.print(new PrintWriter(text), b, BenchCommand.circle(500, 0.5, 1), 1, 0);
        List<String> lines = text.toString().lines().toList();
        assertEquals(2, lines.size(), text.toString());
        assertTrue(lines.get(0).matches("bench prune_sweep_B ms=\\d+\\.\\d{3}"), lines.get(0));
        assertTrue(lines.get(1).matches("bench prune_sweep_B cpu_ms=\\d+\\.\\d{3}"), lines.get(1));
        assertTrue(Double.parseDouble(lines.get(0).substring(lines.get(0).indexOf('=') + 1)) > 0);
    }
}
