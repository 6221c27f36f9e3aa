package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;

/** Task B may be the person's own data (a file or clicked points) when its columns fit the network. */
class OwnDataTaskBTest {

    private static final RunConfig TASK_A = RunConfig.defaults().withData(200, 0, 0.5, 4);

    private SessionHost host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    /** Two columns a, b; the class is the sign of a (a file's rows, to be standardized). */
    static InlineData twoColumns(int n) {
        double[] rows = new double[2 * n];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            rows[2 * i] = Math.sin(i * 1.7) * 3;
            rows[2 * i + 1] = Math.cos(i * 0.9) * 2;
            labels[i] = rows[2 * i] > 0 ? 1 : -1;
        }
        return new InlineData(List.of("a", "b"), List.of("no", "yes"), rows, labels, true);
    }

    @Test
    void ownDataFitsWhenItsColumnsAndClassesDo() {
        assertTrue(TaskMove.fits(TASK_A, twoColumns(60)));
        RunConfig next = TaskMove.next(TASK_A, twoColumns(60));
        assertEquals(DatasetKind.CUSTOM, next.dataset());
        assertEquals(TASK_A.hidden(), next.hidden());
        assertEquals("moved to task B (own data)", TaskMove.label(next));
        InlineData three = new InlineData(List.of("a", "b", "c"), List.of("no", "yes"), new double[3 * 4],
                new double[] {-1, 1, -1, 1}, true);
        assertFalse(TaskMove.fits(TASK_A, three), "three columns do not fit two inputs");
        InlineData classes3 = new InlineData(List.of("a", "b"), List.of("x", "y", "z"), new double[2 * 6],
                new double[] {0, 1, 2, 0, 1, 2}, true);
        assertFalse(TaskMove.fits(TASK_A, classes3), "three classes do not fit one tanh output");
    }

    @Test
    void theRunMovesToOwnDataKeepingItsWeightsAndMeasuringTaskA() throws Exception {
        host = new SessionHost(new SnapshotBus(), DataGenerator::generate, SessionSettings.defaults());
        host.open(TASK_A, null);
        host.stepEpoch();
        host.session().whenIdle().get(60, TimeUnit.SECONDS);
        TrainingSession.RunCopy before = host.session().copyOfRun().get(60, TimeUnit.SECONDS);
        assertNull(before.taskA(), "no task A before a move");

        host.moveToTaskB(TaskMove.next(TASK_A, twoColumns(80)), false);
        TrainingSession.RunCopy moved = host.session().copyOfRun().get(60, TimeUnit.SECONDS);
        assertEquals(DatasetKind.CUSTOM, moved.checkpoint().config().dataset());
        assertEquals(80, moved.data().train().size() + moved.data().test().size());
        Network a = before.checkpoint().network();
        Network b = moved.checkpoint().network();
        for (int l = 0; l < a.layerCount(); l++) {
            assertArrayEquals(a.layer(l).weightsCopy(), b.layer(l).weightsCopy(), 0.0, "layer " + l + " kept");
        }
        assertNotNull(moved.taskA());
        assertEquals(TASK_A, moved.taskA().config());
        assertTrue(moved.taskA().data() == before.data(), "task A is the data the run trained on");

        host.stepEpoch();
        TrainingSnapshot s = host.session().whenIdle().get(60, TimeUnit.SECONDS);
        assertTrue(s.step() > before.checkpoint().step(), "training goes on on the own data");
        host.reset();
        assertNull(host.session().copyOfRun().get(60, TimeUnit.SECONDS).taskA(),
                "back to step 0 on task B measures no task A");
    }
}
