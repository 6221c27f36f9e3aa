package org.weightlab.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import javafx.scene.control.MenuBar;
import javafx.stage.Window;
import org.weightlab.engine.Checkpoint;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.Scenario;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.session.race.Race;
import org.weightlab.session.race.RaceSnapshot;
import org.weightlab.ui.race.CompareMenu;
import org.weightlab.ui.race.RaceWorkbench;
import org.weightlab.ui.shell.ErrorReporter;
import org.weightlab.ui.shell.TransportBar;
import org.weightlab.ui.surface.SurfaceWorkbench;

/**
 * The window's comparisons, in one tab of the centre: races of runs (toolbar, Compare menu, Ctrl+R,
 * lessons) and the loss surface over two parameters (Compare menu, Ctrl+U, lessons).
 */
final class WindowCompare {

    private final RaceWorkbench races;
    private final SurfaceWorkbench surface;
    private final java.util.function.Supplier<Window> owner;
    private final TransportBar transport;

    /**
     * @param openScenario opens a scenario in the window (a raced run continues through it)
     */
    WindowCompare(SessionHost host, CentreTabs centre, TransportBar transport, ErrorReporter errors,
                  java.util.function.Supplier<Window> owner, BiConsumer<Scenario, String> openScenario) {
        this.owner = owner;
        this.transport = transport;
        this.surface = new SurfaceWorkbench((view, closed) -> centre.showCompare("Loss surface", view, closed));
        this.races = new RaceWorkbench(host, view -> {
            surface.hidden();
            centre.showCompare("Race", view, this::stopRace);
        }, transport::epochsPerSecond, (Checkpoint c, String label) -> openScenario.accept(
                new Scenario(c.config(), NetworkState.of(c.network()), null), "race run " + label),
                why -> errors.error("Could not start the race", why));
        transport.raceButton().setOnAction(e -> askRace());
    }

    private void stopRace() {
        races.stop();
    }

    void askRace() {
        races.askAndStart(owner.get());
    }

    /** Races the fine-tuning choices (train all, freeze the base, LoRA) from the run's weights on {@code taskB}. */
    void raceFineTuning(org.weightlab.engine.config.RunConfig taskB) {
        races.startFineTuning(taskB, org.weightlab.session.race.FineTuning.defaults());
    }

    void openSurface() {
        races.stop();
        surface.open();
    }

    /** Plays a lesson's race in the window; completes at its end. FX thread. */
    CompletableFuture<RaceSnapshot> playRace(Race race, int epochs) {
        return races.playEpochs(race, epochs);
    }

    /** {@code bar} with the Compare menu before Help. */
    MenuBar withMenu(MenuBar bar) {
        bar.getMenus().add(Math.max(0, bar.getMenus().size() - 1), CompareMenu.create(this::askRace, this::openSurface));
        return bar;
    }

    /** {@code bar} with the Race button after {@code after} (on a narrow projector it goes to the overflow menu first). */
    javafx.scene.control.ToolBar withRaceButton(javafx.scene.control.ToolBar bar, javafx.scene.Node after) {
        bar.getItems().add(bar.getItems().indexOf(after) + 1, transport.raceButton());
        return bar;
    }

    void offer(TrainingSnapshot s) {
        surface.offer(s);
    }

    void close() {
        races.close();
        surface.close();
    }
}
