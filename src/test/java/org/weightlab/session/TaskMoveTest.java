package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;

/** Moving the window's run to task B: which data sets fit, the frozen base, the task A series and the marker. */
class TaskMoveTest {

    private static final RunConfig TASK_A = RunConfig.defaults().withData(200, 0, 0.5, 4);

    private SessionHost host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void candidatesAreTheOtherSetsOfTheSameShape() {
        List<DatasetKind> c = TaskMove.candidates(TASK_A);
        assertFalse(c.contains(TASK_A.dataset()), "not the data set the run is on");
        assertTrue(c.contains(DatasetKind.SPIRAL) && c.contains(DatasetKind.XOR));
        for (DatasetKind d : c) {
            assertEquals(TASK_A.classes(), d.classes(), d.id());
            assertEquals(TASK_A.problem(), d.problem(), d.id());
        }
        assertFalse(c.contains(DatasetKind.DIGITS), "64 inputs do not fit a network of 2");
        assertFalse(c.contains(DatasetKind.GAUSS3), "three classes do not fit two-class outputs");
    }

    @Test
    void movingWithAFrozenBaseKeepsTheBaseAndTracksTaskA() throws Exception {
        SnapshotBus bus = new SnapshotBus();
        List<LossPoint> ends = new CopyOnWriteArrayList<>();
        bus.onLossPoint(p -> {
            if (p.epochEnd()) {
                ends.add(p);
            }
        });
        LossHistory history = new LossHistory();
        bus.onEvent(history::onEvent);
        host = new SessionHost(bus, DataGenerator::generate, SessionSettings.defaults());
        host.open(TASK_A, null);
        host.stepEpoch();
        host.session().whenIdle().get(60, TimeUnit.SECONDS);
        Network before = host.session().copyOfRun().get(60, TimeUnit.SECONDS).checkpoint().network();

        RunConfig taskB = TaskMove.next(TASK_A, DatasetKind.SPIRAL);
        host.moveToTaskB(taskB, true);
        host.stepEpoch();
        host.stepEpoch();
        host.session().whenIdle().get(60, TimeUnit.SECONDS);
        Network after = host.session().copyOfRun().get(60, TimeUnit.SECONDS).checkpoint().network();

        int last = after.layerCount() - 1;
        for (int l = 0; l < last; l++) {
            assertArrayEquals(before.layer(l).weightsCopy(), after.layer(l).weightsCopy(), 0.0, "base layer " + l + " kept");
        }
        assertFalse(java.util.Arrays.equals(before.layer(last).weightsCopy(), after.layer(last).weightsCopy()),
                "the last layer learns task B");
        LossPoint end = ends.get(ends.size() - 1);
        assertTrue(Double.isFinite(end.taskALoss()) && Double.isFinite(end.taskAAccuracy()), "epoch ends carry task A");
        assertTrue(history.markers().stream().anyMatch(m -> m.label().equals("moved to task B (spiral)")),
                "the chart marks the move: " + history.markers());
    }
}
