package org.weightlab.ui.network;

import java.util.function.DoubleConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.weightlab.ui.theme.ValueFormat;

/**
 * The small in-place editor for one weight or bias: Enter commits a valid value, Esc cancels,
 * bad text shows a message and changes nothing.
 */
public final class ValueEditor extends VBox {

    public static final String STYLE_CLASS = "wl-value-editor";
    public static final String ERROR_STYLE_CLASS = "wl-value-editor-error";
    /** Largest |value| a person may type. */
    public static final double LIMIT = 100;

    private final Label title = new Label();
    private final TextField field = new TextField();
    private final Label error = new Label();
    private DoubleConsumer onCommit;

    public ValueEditor() {
        super(4);
        getStyleClass().add(STYLE_CLASS);
        setId("valueEditor");
        field.setId("valueEditorField");
        field.setPrefColumnCount(9);
        error.setId("valueEditorError");
        error.getStyleClass().add(ERROR_STYLE_CLASS);
        error.setWrapText(true);
        error.setMaxWidth(220);
        getChildren().addAll(title, field, error);
        setManaged(false);
        setVisible(false);
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && isVisible()) {
                close();
            }
        });
    }

    /** Opens the editor at (x, y) in its parent's coordinates. */
    public void open(String what, double current, double x, double y, DoubleConsumer commit) {
        onCommit = commit;
        title.setText(what);
        error.setText("");
        error.setVisible(false);
        error.setManaged(false);
        field.setText(Double.isFinite(current) ? Double.toString(current) : "");
        setVisible(true);
        autosize();
        relocate(x, y);
        toFront();
        field.requestFocus();
        field.selectAll();
    }

    public void close() {
        onCommit = null;
        setVisible(false);
    }

    public boolean isOpen() {
        return isVisible();
    }

    public TextField field() {
        return field;
    }

    /** The message shown for bad text, empty when none. */
    public String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    private void commit() {
        double v;
        try {
            v = parse(field.getText());
        } catch (IllegalArgumentException ex) {
            error.setText(ex.getMessage());
            error.setVisible(true);
            error.setManaged(true);
            autosize();
            return;
        }
        DoubleConsumer c = onCommit;
        close();
        if (c != null) {
            c.accept(v);
        }
    }

    /** The value {@code text} stands for, or an exception whose message says what is wrong. */
    public static double parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type a number");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + t + "\" is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("The value must be finite, got " + ValueFormat.precise(v));
        }
        if (Math.abs(v) > LIMIT) {
            throw new IllegalArgumentException("The value must be between -100 and 100");
        }
        return v;
    }
}
