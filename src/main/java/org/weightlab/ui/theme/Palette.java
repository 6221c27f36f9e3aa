package org.weightlab.ui.theme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The colours that canvases and restyled shapes use, read from CSS. A view adds one (invisible,
 * unmanaged) Palette to its children; {@code palette.css} maps the looked-up colours of the
 * stylesheet ({@code -wl-weight-positive}, ...) onto the properties below, so a projector theme
 * only has to redefine those colours. {@link #revisionProperty()} ticks whenever any colour
 * changes, so a view knows when to repaint.
 *
 * <p>CSS properties: {@code -wl-positive-color}, {@code -wl-negative-color}, {@code -wl-zero-color},
 * {@code -wl-class-positive-color}, {@code -wl-class-negative-color}, {@code -wl-class-third-color},
 * {@code -wl-frozen-color}, {@code -wl-nan-color}, {@code -wl-ink-color}.
 */
public final class Palette extends Region {

    public static final String STYLE_CLASS = "wl-palette";
    /** The stylesheet that maps the named colours onto a Palette; views add it to themselves. */
    public static final String STYLESHEET = Palette.class.getResource("palette.css").toExternalForm();

    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    private static final CssMetaData<Palette, Color> POSITIVE = meta("-wl-positive-color", p -> p.positive);
    private static final CssMetaData<Palette, Color> NEGATIVE = meta("-wl-negative-color", p -> p.negative);
    private static final CssMetaData<Palette, Color> ZERO = meta("-wl-zero-color", p -> p.zero);
    private static final CssMetaData<Palette, Color> CLASS_POSITIVE = meta("-wl-class-positive-color",
            p -> p.classPositive);
    private static final CssMetaData<Palette, Color> CLASS_NEGATIVE = meta("-wl-class-negative-color",
            p -> p.classNegative);
    private static final CssMetaData<Palette, Color> CLASS_THIRD = meta("-wl-class-third-color", p -> p.classThird);
    private static final CssMetaData<Palette, Color> FROZEN = meta("-wl-frozen-color", p -> p.frozen);
    private static final CssMetaData<Palette, Color> NAN = meta("-wl-nan-color", p -> p.notANumber);
    private static final CssMetaData<Palette, Color> INK = meta("-wl-ink-color", p -> p.ink);

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        Collections.addAll(all, POSITIVE, NEGATIVE, ZERO, CLASS_POSITIVE, CLASS_NEGATIVE, CLASS_THIRD, FROZEN, NAN,
                INK);
        CSS_META_DATA = Collections.unmodifiableList(all);
    }

    // Defaults equal weightlab.css, so a view outside a themed scene still looks right.
    private final StyleableObjectProperty<Color> positive = property(POSITIVE, "positive", Color.web("#2166ac"));
    private final StyleableObjectProperty<Color> negative = property(NEGATIVE, "negative", Color.web("#d6604d"));
    private final StyleableObjectProperty<Color> zero = property(ZERO, "zero", Color.web("#f7f7f7"));
    private final StyleableObjectProperty<Color> classPositive = property(CLASS_POSITIVE, "classPositive",
            Color.web("#2166ac"));
    private final StyleableObjectProperty<Color> classNegative = property(CLASS_NEGATIVE, "classNegative",
            Color.web("#e08214"));
    private final StyleableObjectProperty<Color> classThird = property(CLASS_THIRD, "classThird",
            Color.web("#7b3294"));
    private final StyleableObjectProperty<Color> frozen = property(FROZEN, "frozen", Color.web("#7f7f7f"));
    private final StyleableObjectProperty<Color> notANumber = property(NAN, "notANumber", Color.web("#9e9e9e"));
    private final StyleableObjectProperty<Color> ink = property(INK, "ink", Color.web("#24292f"));

    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private DivergingColorMap weightMap;
    private DivergingColorMap classMap;

    public Palette() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        setManaged(false);
        setVisible(false);
        setMouseTransparent(true);
        for (StyleableObjectProperty<Color> p : List.of(positive, negative, zero, classPositive, classNegative,
                classThird, frozen, notANumber, ink)) {
            p.addListener((obs, old, now) -> {
                weightMap = null;
                classMap = null;
                revision.set(revision.get() + 1);
            });
        }
    }

    /** Weights, gradients, updates and biases: negative, zero and positive colours. */
    public DivergingColorMap weightMap() {
        if (weightMap == null) {
            weightMap = new DivergingColorMap(negative.get(), zero.get(), positive.get(), notANumber.get());
        }
        return weightMap;
    }

    /** Outputs and labels: class -1 (or 0) colour, zero, class +1 colour. */
    public DivergingColorMap classMap() {
        if (classMap == null) {
            classMap = new DivergingColorMap(classNegative.get(), zero.get(), classPositive.get(), notANumber.get());
        }
        return classMap;
    }

    /**
     * Colour of class {@code k}: for two classes labelled -1/+1 pass -1 or +1; for three classes
     * (0, 1, 2) class 0 takes the negative colour, 1 the positive one, 2 the third.
     */
    public Color classColor(int k) {
        return switch (k) {
            case -1, 0 -> classNegative.get();
            case 1 -> classPositive.get();
            default -> classThird.get();
        };
    }

    public Color frozenColor() {
        return frozen.get();
    }

    public Color notANumberColor() {
        return notANumber.get();
    }

    public Color zeroColor() {
        return zero.get();
    }

    /** Text and axis colour for canvases. */
    public Color inkColor() {
        return ink.get();
    }

    /** Increases whenever a colour changes. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS_META_DATA;
    }

    private StyleableObjectProperty<Color> property(CssMetaData<Palette, Color> meta, String name, Color initial) {
        return new SimpleStyleableObjectProperty<>(meta, this, name, initial);
    }

    private static CssMetaData<Palette, Color> meta(String property,
                                                    Function<Palette, StyleableObjectProperty<Color>> field) {
        return new CssMetaData<>(property, ColorConverter.getInstance(), Color.BLACK) {
            @Override
            public boolean isSettable(Palette p) {
                return !field.apply(p).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(Palette p) {
                return field.apply(p);
            }
        };
    }
}
