package org.weightlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FrameTimeMeterTest {

    @Test
    void steadyPulsesGiveTheirRate() throws Exception {
        double[] fps = new double[1];
        WaitForAsyncUtils.asyncFx(() -> {
            FrameTimeMeter meter = new FrameTimeMeter();
            meter.stop();
            long t = 1_000_000_000L;
            for (int i = 0; i < 120; i++) {
                meter.onPulse(t);
                t += 20_000_000L; // 50 frames per second
            }
            fps[0] = meter.fpsProperty().get();
        }).get();
        assertEquals(50.0, fps[0], 0.01);
    }
}
