package org.weightlab.ui.controls;

import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** The rows the panel's sections are made of (caption, labelled control, slider with its value) and their words. */
final class ControlRows {

    private ControlRows() {
    }

    static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wl-field-caption");
        return l;
    }

    static Node labelled(String text, Region control) {
        Label l = caption(text);
        l.setLabelFor(control);
        l.setMinWidth(Region.USE_PREF_SIZE);
        control.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(6, l, control);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(control, Priority.ALWAYS);
        return row;
    }

    static Node sliderRow(String text, Slider slider, Label value) {
        Label l = caption(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        value.getStyleClass().add("wl-slider-value");
        value.setMinWidth(44);
        value.setAlignment(Pos.CENTER_RIGHT);
        HBox row = new HBox(6, l, slider, value);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        return row;
    }

    /** Names a drop-down's items with {@code f}, in the button and in the list. */
    static <T> void setNames(ComboBox<T> box, Function<T, String> f) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        // ComboBox cells ignore the converter: show its names in the drop-down list too
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : box.getConverter().toString(item));
            }
        });
    }

    static void hide(Node n) {
        show(n, false);
    }

    static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    static String fmt(double v) {
        return NumberField.formatNumber(v, false);
    }

    static String capitalize(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
