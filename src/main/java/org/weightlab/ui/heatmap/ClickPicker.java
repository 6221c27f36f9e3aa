package org.weightlab.ui.heatmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Circle;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.ClickedPoints;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.ui.theme.Palette;

/**
 * What a click in the output view adds: a row of class buttons, each with its colour (two classes:
 * +1 first, as a plain click always added; three or more: 0, 1, 2, ...), or for regression a slider
 * of the target value over the data's range, coloured as the points are. Keys 1 to 9 pick the
 * class (or one of nine values from the lowest to the highest) while the output view has the focus.
 * Shift+click adds the other class of two (with more: the next one), or for regression the value
 * with the other sign. Shown only for data the plane takes clicks in, and not in presentation mode
 * (the window's root styled {@value #PRESENTING_CLASS}), where the output view has little height.
 */
public final class ClickPicker extends FlowPane {

    public static final String STYLE_CLASS = "wl-click-picker";
    /** The root's style class in presentation mode (see ui.shell.PresentationMode). */
    static final String PRESENTING_CLASS = "wl-presenting";

    private final Palette palette;
    private final Label caption = new Label("Click adds:");
    private final ToggleGroup group = new ToggleGroup();
    private final List<ToggleButton> classButtons = new ArrayList<>();
    /** The class index (0..K-1) each button adds, in button order. */
    private final List<Integer> buttonClass = new ArrayList<>();
    private final Slider value = new Slider(-1, 1, 1);
    private final Label valueText = new Label();
    private final Circle valueSwatch = new Circle(6);
    /** Classes of the data now: 0 for regression, -1 before the first config. */
    private int classes = -1;
    private List<String> names = List.of();
    private double range = 1;
    /** Whether the data takes clicks, and whether the window presents. */
    private boolean takes;
    private boolean presenting;
    private final javafx.collections.ListChangeListener<String> rootClasses = c -> {
        presenting = c.getList().contains(PRESENTING_CLASS);
        showIfWanted();
    };

    public ClickPicker(Palette palette) {
        super(6, 4);
        this.palette = palette;
        getStyleClass().add(STYLE_CLASS);
        setId("clickPicker");
        setAlignment(Pos.CENTER_LEFT);
        caption.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.setId("clickValue");
        value.setPrefWidth(120);
        value.setBlockIncrement(0.1);
        valueText.setId("clickValueText");
        valueText.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.valueProperty().addListener((o, was, now) -> showValue());
        managedProperty().bind(visibleProperty());
        setVisible(false);
        sceneProperty().addListener((o, was, now) -> {
            if (was != null && was.getRoot() != null) {
                was.getRoot().getStyleClass().removeListener(rootClasses);
            }
            if (now != null && now.getRoot() != null) {
                now.getRoot().getStyleClass().addListener(rootClasses);
                presenting = now.getRoot().getStyleClass().contains(PRESENTING_CLASS);
                showIfWanted();
            }
        });
        palette.revisionProperty().addListener((o, was, now) -> recolour());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true); // one class is always picked
            }
        });
    }

    /** Follows the data of {@code c} ({@code shown} gives a regression's value range). */
    public void update(RunConfig c, DataSplit shown) {
        takes = c != null && ClickedPoints.accepts(c);
        showIfWanted();
        if (!takes) {
            return;
        }
        int k = c.problem() == ProblemKind.REGRESSION ? 0 : c.classes();
        List<String> n = k == 0 ? List.of() : classNames(c, k);
        if (k == classes && n.equals(names)) {
            if (k == 0) {
                setRange(shown);
            }
            return;
        }
        classes = k;
        names = n;
        getChildren().setAll(caption);
        classButtons.clear();
        buttonClass.clear();
        group.getToggles().clear();
        if (k == 0) {
            setRange(shown);
            value.setValue(range);
            getChildren().addAll(valueSwatch, value, valueText);
            Tooltip.install(value, new Tooltip("The target value a click gives its point; Shift+click gives the "
                    + "value with the other sign. Keys 1 to 9 (output view focused): lowest to highest."));
        } else {
            List<Integer> order = new ArrayList<>();
            if (k == 2) {
                order.addAll(List.of(1, 0)); // +1 first: a plain click has always added +1
            } else {
                for (int i = 0; i < k; i++) {
                    order.add(i);
                }
            }
            for (int b = 0; b < order.size(); b++) {
                int cls = order.get(b);
                ToggleButton t = new ToggleButton(n.get(cls), new Circle(6));
                t.setId("clickClass" + cls);
                t.setToggleGroup(group);
                t.setFocusTraversable(false);
                t.setTooltip(new Tooltip("A click adds a point of class " + n.get(cls) + (b < 9 ? " (key " + (b + 1)
                        + " with the output view focused)" : "") + "; Shift+click: "
                        + (k == 2 ? "the other class" : "the next class") + "; right-click removes the nearest point"));
                classButtons.add(t);
                buttonClass.add(cls);
                getChildren().add(t);
            }
            classButtons.get(0).setSelected(true);
        }
        recolour();
        showValue();
    }

    private static List<String> classNames(RunConfig c, int k) {
        if (c.inlineData() != null && c.inlineData().classes().size() == k) {
            return c.inlineData().classes();
        }
        List<String> n = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            n.add(k == 2 ? (i == 0 ? "-1" : "+1") : Integer.toString(i));
        }
        return n;
    }

    private void setRange(DataSplit shown) {
        double r = 0;
        for (Dataset d : shown == null ? List.<Dataset>of() : List.of(shown.train(), shown.test())) {
            for (int i = 0; i < d.size(); i++) {
                if (Double.isFinite(d.label(i))) {
                    r = Math.max(r, Math.abs(d.label(i)));
                }
            }
        }
        range = r > 0 ? r : 1;
        value.setMin(-range);
        value.setMax(range);
    }

    private void showIfWanted() {
        setVisible(takes && !presenting);
    }

    /** The engine label a click gives; {@code shift} picks the other class (regression: the other sign). */
    public double label(boolean shift) {
        if (classes == 0) {
            return shift ? -value.getValue() : value.getValue();
        }
        int cls = pickedClass();
        if (shift) {
            cls = (cls + 1) % classes; // two classes: the other one
        }
        return ClickedPoints.classLabel(cls, classes);
    }

    /** The class index (0..K-1) picked, or -1 for regression. */
    public int pickedClass() {
        if (classes <= 0) {
            return -1;
        }
        for (int b = 0; b < classButtons.size(); b++) {
            if (classButtons.get(b).isSelected()) {
                return buttonClass.get(b);
            }
        }
        return buttonClass.get(0);
    }

    /** The regression target a plain click gives. */
    public double pickedValue() {
        return value.getValue();
    }

    /** Key {@code digit} (1..9): picks the digit-th class button, or one of nine values; false when none. */
    public boolean pickKey(int digit) {
        if (!takes || digit < 1 || digit > 9 || classes < 0) {
            return false;
        }
        if (classes == 0) {
            value.setValue(-range + (digit - 1) * (2 * range) / 8);
            return true;
        }
        if (digit > classButtons.size()) {
            return false;
        }
        classButtons.get(digit - 1).setSelected(true);
        return true;
    }

    List<ToggleButton> classButtons() {
        return classButtons;
    }

    Slider valueSlider() {
        return value;
    }

    private void showValue() {
        valueText.setText(String.format(Locale.ROOT, "%+.2f", value.getValue()));
        if (classes == 0) {
            valueSwatch.setFill(DataPoints.color(palette, value.getValue(), 0, range));
        }
    }

    private void recolour() {
        for (int b = 0; b < classButtons.size(); b++) {
            int cls = buttonClass.get(b);
            double label = ClickedPoints.classLabel(cls, classes);
            ((Circle) classButtons.get(b).getGraphic()).setFill(DataPoints.color(palette, label, classes, 1));
        }
        showValue();
    }
}
