package org.weightlab.ui.controls;

import java.util.Locale;
import java.util.function.DoublePredicate;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A labelled text field for one number. Enter (or leaving the field) checks the text: a
 * non-number or a value outside [min, max] shows a message under the field and changes nothing;
 * a good value goes to the {@code onCommit} callback, which may still refuse it (returning false)
 * after setting its own message with {@link #showError}.
 */
final class NumberField extends VBox {

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");

    private final Label caption;
    private final TextField field = new TextField();
    private final Label message = new Label();
    private final String name;
    private double min;
    private double max;
    private final boolean integer;
    private DoublePredicate onCommit = v -> true;
    private double value;

    NumberField(String id, String name, double min, double max, boolean integer, String tip) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.integer = integer;
        caption = new Label(name);
        caption.getStyleClass().add("wl-field-caption");
        caption.setLabelFor(field);
        field.setId(id);
        field.getStyleClass().add("wl-number-field");
        field.setPrefColumnCount(7);
        Tooltip tooltip = new Tooltip(tip);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        field.setTooltip(tooltip);
        caption.setTooltip(tooltip);
        message.setId(id + "Message");
        message.getStyleClass().add("wl-field-message");
        message.setWrapText(true);
        message.setVisible(false);
        message.setManaged(false);
        HBox row = new HBox(6, caption, field);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        caption.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(row, message);
        getStyleClass().add("wl-number-row");
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && !field.getText().equals(format(value))) {
                commit();
            }
        });
    }

    TextField field() {
        return field;
    }

    Label message() {
        return message;
    }

    void setOnCommit(DoublePredicate onCommit) {
        this.onCommit = onCommit;
    }

    void setRange(double min, double max) {
        this.min = min;
        this.max = max;
    }

    double max() {
        return max;
    }

    /** Shows {@code v} without calling back, and clears any message. */
    void setValue(double v) {
        value = v;
        field.setText(format(v));
        clearError();
    }

    double value() {
        return value;
    }

    private void commit() {
        String text = field.getText().trim().replace(',', '.');
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            showError("\"" + field.getText().trim() + "\" is not a number");
            return;
        }
        if (!Double.isFinite(v) || (integer && v != Math.rint(v))) {
            showError(name + " must be " + (integer ? "a whole number" : "a finite number"));
            return;
        }
        if (v < min || v > max) {
            showError(name + " must be between " + format(min) + " and " + format(max));
            return;
        }
        if (onCommit.test(v)) {
            value = v;
            field.setText(format(v));
            clearError();
        }
    }

    void showError(String text) {
        message.setText(text);
        message.setVisible(true);
        message.setManaged(true);
        field.pseudoClassStateChanged(INVALID, true);
    }

    void clearError() {
        message.setVisible(false);
        message.setManaged(false);
        field.pseudoClassStateChanged(INVALID, false);
    }

    String format(double v) {
        return formatNumber(v, integer);
    }

    static String formatNumber(double v, boolean integer) {
        if (integer) {
            return Long.toString((long) v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e6) {
            String s = String.format(Locale.ROOT, "%.3g", v);
            // 1.00e-05 -> 1e-05
            return s.replaceAll("\\.?0+e", "e");
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
