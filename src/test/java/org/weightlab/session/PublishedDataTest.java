package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

/** The data set travels with the run: every snapshot carries the split the session trains on. */
class PublishedDataTest {

    private static final int TIMEOUT_S = 30;

    private final SessionHost host = new SessionHost(new SnapshotBus(), DataGenerator::generate,
            SessionSettings.defaults());

    @AfterEach
    void close() {
        host.close();
    }

    private TrainingSnapshot idle() throws Exception {
        return host.session().whenIdle().get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static void assertSameData(DataSplit expected, DataSplit actual) {
        assertNotNull(actual, "the snapshot carries no data");
        assertSameSet(expected.train(), actual.train());
        assertSameSet(expected.test(), actual.test());
    }

    private static void assertSameSet(Dataset expected, Dataset actual) {
        assertArrayEquals(expected.points(), actual.points());
        assertArrayEquals(expected.labels(), actual.labels());
    }

    @Test
    void theDataPublishedWithTheRunIsTheGeneratorsForItsConfig() throws Exception {
        RunConfig config = RunConfig.defaults().withDataset(DatasetKind.SPIRAL).withData(300, 0.2, 0.6, 7);
        host.open(config, null);
        TrainingSnapshot s = idle();
        assertSameData(DataGenerator.generate(config), s.data());
        assertEquals(180, s.data().train().size());
    }

    @Test
    void newDataSettingsPublishNewDataAndOtherSettingsKeepTheSplit() throws Exception {
        RunConfig config = RunConfig.defaults();
        host.open(config, null);
        DataSplit first = idle().data();
        assertSameData(DataGenerator.generate(config), first);

        RunConfig faster = config.withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 0.3));
        host.applyConfig(faster);
        host.stepBatch();
        assertSame(first, idle().data(), "a learning rate change kept the data but published another split");

        RunConfig wider = faster.withHidden(java.util.List.of(6), java.util.List.of());
        host.applyConfig(wider);
        assertSame(first, idle().data(), "a rebuild on the same data published another split");

        RunConfig reseeded = wider.withData(wider.samples(), 0.3, wider.trainFraction(), 99);
        host.applyConfig(reseeded);
        DataSplit next = idle().data();
        assertNotSame(first, next);
        assertSameData(DataGenerator.generate(reseeded), next);
    }

    @Test
    void theRunCopyForTheStepThroughCarriesTheSameData() throws Exception {
        RunConfig config = RunConfig.defaults().withDataset(DatasetKind.XOR);
        host.open(config, null);
        DataSplit published = idle().data();
        TrainingSession.RunCopy copy = host.session().copyOfRun().get(TIMEOUT_S, TimeUnit.SECONDS);
        assertSame(published, copy.data());
        assertSameData(DataGenerator.generate(config), copy.data());
    }
}
