package org.weightlab.ui.race;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;
import org.weightlab.engine.Checkpoint;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TaskMove;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.race.FineTuningStart;
import org.weightlab.session.race.Race;
import org.weightlab.session.race.RaceRunner;
import org.weightlab.session.race.RaceSetting;
import org.weightlab.session.race.RaceSnapshot;

/**
 * The window's races: forks one from the run on screen (after asking which setting and values),
 * plays lessons' races, shows them in a {@link RaceView}, stops them and hands a chosen run back to
 * the window. One race at a time; a new one ends the last. The race trains on its own thread;
 * its snapshots reach the view through one pending slot (at most one hop to the FX thread waits).
 */
public final class RaceWorkbench implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RaceWorkbench.class.getName());

    private final SessionHost host;
    private final Consumer<Node> showView;
    private final DoubleSupplier epochsPerSecond;
    private final BiConsumer<Checkpoint, String> continueRun;
    private final Consumer<String> error;
    private final RaceView view;
    private final AtomicReference<RaceSnapshot> pending = new AtomicReference<>();
    private RaceRunner runner;

    /**
     * @param showView        brings the race view to the front of the window (FX thread)
     * @param epochsPerSecond the window's pace, which races follow
     * @param continueRun     opens a run's exact state in the window, named by its label
     * @param error           says why a race could not start
     */
    public RaceWorkbench(SessionHost host, Consumer<Node> showView, DoubleSupplier epochsPerSecond,
                         BiConsumer<Checkpoint, String> continueRun, Consumer<String> error) {
        this.host = host;
        this.showView = showView;
        this.epochsPerSecond = epochsPerSecond;
        this.continueRun = continueRun;
        this.error = error;
        this.view = new RaceView(new RaceView.Commands(this::playPause, this::stop, this::continueWith));
    }

    public RaceView view() {
        return view;
    }

    /** True while a race trains or waits to go on. */
    public boolean active() {
        return runner != null;
    }

    /**
     * Asks for a setting and values, then races them from the run as it is now (paused, copied
     * first, so that the dialog knows whether the run has moved to a task B). FX thread.
     */
    public void askAndStart(Window owner) {
        if (host.bus().latestSnapshot() == null) {
            return;
        }
        host.pause();
        host.session().copyOfRun().thenAccept(copy -> Platform.runLater(() -> {
            TaskMove.Task a = copy.taskA();
            RaceDialog.ask(owner, copy.checkpoint().config(), a == null ? null : a.config().dataset().id())
                    .ifPresent(r -> {
                        if (r.setting().movesToTaskB()) {
                            startFineTuning(copy, r.taskB(), r.values());
                        } else {
                            start(r.setting(), r.values());
                        }
                    });
        }));
    }

    /**
     * Races the fine-tuning choices {@code values} from {@code copy}'s weights on {@code taskB} (null:
     * the task B the run has moved to); plays until stopped. Task B's data is made off the FX thread.
     */
    public void startFineTuning(TrainingSession.RunCopy copy, RunConfig taskB, List<String> values) {
        CompletableFuture.supplyAsync(() -> Race.fineTune(FineTuningStart.of(copy, taskB, host::dataFor), values))
                .whenComplete(this::played);
    }

    /** Races the fine-tuning choices from the window's run as it is now (paused first) on {@code taskB}. */
    public void startFineTuning(RunConfig taskB, List<String> values) {
        host.pause();
        host.session().copyOfRun().thenAccept(copy -> startFineTuning(copy, taskB, values));
    }

    private void played(Race race, Throwable failure) {
        Platform.runLater(() -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                error.accept(cause.getMessage());
                return;
            }
            play(race).play();
        });
    }

    /** Races {@code values} of {@code setting} from an exact copy of the run; plays until stopped. */
    public void start(RaceSetting setting, List<String> values) {
        host.pause();
        host.session().copyOfRun().thenApplyAsync(c -> Race.fork(c.checkpoint(), c.data(), setting, values))
                .whenComplete(this::played);
    }

    /** Shows {@code race} and plays {@code epochs} epochs of it; completes at the end. FX thread. */
    public CompletableFuture<RaceSnapshot> playEpochs(Race race, int epochs) {
        return play(race).runEpochs(epochs);
    }

    private RaceRunner play(Race race) {
        stop();
        RaceRunner r = new RaceRunner(race, epochsPerSecond.getAsDouble(), true, this::publish);
        runner = r;
        view.show(r.latest());
        showView.accept(view);
        return r.start();
    }

    /** Called on the race's thread: the newest snapshot waits in one slot; one hop drains it. */
    private void publish(RaceSnapshot s) {
        if (pending.getAndSet(s) == null) {
            Platform.runLater(() -> {
                RaceSnapshot latest = pending.getAndSet(null);
                if (latest != null) {
                    view.show(latest);
                }
            });
        }
    }

    private void playPause() {
        if (runner == null) {
            return;
        }
        if (runner.latest().running()) {
            runner.pause();
        } else {
            runner.setEpochsPerSecond(epochsPerSecond.getAsDouble());
            runner.play();
        }
    }

    /** Ends the race; its last picture stays on screen. */
    public void stop() {
        if (runner != null) {
            runner.close();
            runner = null;
            view.markStopped();
        }
    }

    private void continueWith(int k) {
        RaceRunner r = runner;
        if (r == null) {
            error.accept("The race has ended: start a new one to continue a run.");
            return;
        }
        String label = r.race().variants().get(k).label();
        r.pause();
        r.checkpoint(k).whenComplete((c, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "race run could not be copied", failure);
                return;
            }
            stop();
            continueRun.accept(c, label);
        }));
    }

    @Override
    public void close() {
        stop();
    }
}
