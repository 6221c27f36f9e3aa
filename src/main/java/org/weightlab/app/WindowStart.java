package org.weightlab.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.weightlab.engine.Network;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.SnapshotBus;

/**
 * The part of a window's start that needs no FX thread: reading the scenario, making its data
 * and starting its run. {@link #begin} starts it on a thread of its own while JavaFX starts its
 * toolkit (some half a second in which the FX thread does not exist yet); the application then
 * {@link #take}s the result. JavaFX creates the application itself, so the run is handed over
 * here, once per JVM.
 */
final class WindowStart {

    /** A scenario and the host that runs it. */
    record Opened(String name, Scenario scenario, SessionHost host) {
    }

    private static CompletableFuture<Opened> pending;

    private WindowStart() {
    }

    /** Starts opening {@code name} (a file or a built-in lesson) in the background; {@code loaded} when it was read already. */
    static synchronized void begin(String name, Scenario loaded) {
        pending = CompletableFuture.supplyAsync(() -> {
            try {
                return open(name, loaded);
            } catch (ScenarioException e) {
                throw new CompletionException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "weightlab-window-start");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The run begun for {@code name}, or one opened now when none was begun for it. */
    static Opened take(String name) throws ScenarioException {
        CompletableFuture<Opened> begun;
        synchronized (WindowStart.class) {
            begun = pending;
            pending = null;
        }
        if (begun != null) {
            try {
                Opened opened = begun.join();
                if (opened.name().equals(name)) {
                    return opened;
                }
                opened.host().close();
            } catch (CompletionException e) {
                if (e.getCause() instanceof ScenarioException se) {
                    throw se;
                }
                throw e;
            }
        }
        return open(name, null);
    }

    private static Opened open(String name, Scenario loaded) throws ScenarioException {
        Scenario scenario = loaded != null ? loaded : TrainCommand.load(name);
        SessionHost host = new SessionHost(new SnapshotBus(), DataGenerator::generate, SessionSettings.defaults());
        Network initial = scenario.initial() == null ? null : scenario.initial().toNetwork(scenario.config());
        host.open(scenario.config(), initial);
        return new Opened(name, scenario, host);
    }
}
