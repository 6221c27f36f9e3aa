package org.weightlab.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.weightlab.ui.fx.ArrowKeys;
import org.weightlab.ui.stepper.StepThroughViewModel;

/**
 * The window's keyboard shortcuts (the sheet that "?" shows lists them). Keys reach the
 * step-through first while it walks; typing in a field keeps its keys, except the shortcut
 * combinations, F11 and Escape.
 */
public final class WindowKeys {

    /** What the plain keys ask the window for, besides training and the timeline. */
    public record Commands(Runnable enterStepThrough, Runnable toggleInspector) {
    }

    private final TransportBar transport;
    private final TimelineBar timeline;
    private final StepThroughViewModel stepper;
    private final ShortcutSheet shortcuts;
    private final FrameTimeMeter meter;
    private final BooleanProperty dark;
    private final PresentationMode presentation;
    private final Commands commands;

    public WindowKeys(TransportBar transport, TimelineBar timeline, StepThroughViewModel stepper,
                      ShortcutSheet shortcuts, FrameTimeMeter meter, BooleanProperty dark,
                      PresentationMode presentation, Commands commands) {
        this.transport = transport;
        this.timeline = timeline;
        this.stepper = stepper;
        this.shortcuts = shortcuts;
        this.meter = meter;
        this.dark = dark;
        this.presentation = presentation;
        this.commands = commands;
    }

    /** Listens to every key of {@code scene} before its controls do. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof TextInputControl)) {
                shortcuts.setVisible(!shortcuts.isVisible());
                e.consume();
            }
        });
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl && !e.isShortcutDown() && e.getCode() != KeyCode.F11
                && e.getCode() != KeyCode.ESCAPE) {
            return;
        }
        if (e.getCode().isArrowKey() && !e.isShortcutDown() && ArrowKeys.claimedBy(e.getTarget())) {
            return; // a focused gallery moves its selection
        }
        if (stepper.isActive() && !e.isShortcutDown() && !shortcuts.isVisible()
                && stepper.handleKey(e.getCode(), e.isShiftDown())) {
            e.consume();
            return;
        }
        boolean handled = true;
        if (e.isShortcutDown()) {
            switch (e.getCode()) {
                case T -> dark.set(!dark.get());
                case LEFT -> timeline.nudge(-1);
                case RIGHT -> timeline.nudge(1);
                default -> handled = false;
            }
        } else {
            switch (e.getCode()) {
                case SPACE -> transport.togglePlay();
                case RIGHT -> transport.stepBatch();
                case E -> transport.stepEpoch();
                case M -> transport.toggleMax();
                case OPEN_BRACKET -> transport.nudgePace(-1);
                case CLOSE_BRACKET -> transport.nudgePace(1);
                case R -> transport.reset();
                case T -> commands.enterStepThrough().run();
                case I -> commands.toggleInspector().run();
                case F3 -> meter.setVisible(!meter.isVisible());
                case F11 -> presentation.set(!presentation.isOn());
                case ESCAPE -> {
                    if (shortcuts.isVisible()) {
                        shortcuts.setVisible(false);
                    } else if (presentation.isOn()) {
                        presentation.set(false);
                    } else {
                        handled = false;
                    }
                }
                default -> handled = false;
            }
        }
        if (handled) {
            e.consume();
        }
    }
}
