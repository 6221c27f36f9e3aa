package org.weightlab.ui.theme;

import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * The colours that canvases and restyled shapes use, read from the scene's stylesheets. A view adds
 * one (invisible, unmanaged) Palette to its children. Each {@link PaletteColor} is a CSS property of
 * the Palette ({@code -wl-weight-positive-color}, ...) that a small generated stylesheet sets to the
 * looked-up variable ({@code -wl-weight-positive}), so the Palette takes the value the {@code .root}
 * rules of weightlab.css, the projector stylesheet and the AtlantaFX theme give it, and a theme
 * switch restyles it. {@link #revisionProperty()} ticks whenever any colour changes, so a view knows
 * when to repaint.
 *
 * <p>Before CSS reaches it (a view painting before it is in a scene) a colour is the light theme's,
 * read from the same stylesheets as text ({@link CssVariables}).
 */
public final class Palette extends Region {

    public static final String STYLE_CLASS = "wl-palette";
    /** The app's stylesheet, which declares every {@link PaletteColor}. */
    public static final String APP_STYLESHEET = "/org/weightlab/ui/weightlab.css";

    /**
     * {@code .wl-palette { -wl-weight-positive-color: -wl-weight-positive; ... }}: every variable
     * onto its property, generated from {@link PaletteColor} so that none can be left out. (A lookup
     * resolves through all ancestors; property inheritance would stop at the first styled parent.)
     */
    private static final String MAPPING_STYLESHEET = mappingStylesheet();

    private static final Map<PaletteColor, CssMetaData<Palette, Color>> META = new EnumMap<>(PaletteColor.class);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        for (PaletteColor c : PaletteColor.values()) {
            CssMetaData<Palette, Color> meta = meta(c);
            META.put(c, meta);
            all.add(meta);
        }
        CSS_META_DATA = Collections.unmodifiableList(all);
    }

    private static final PaletteColor[] SERIES = {PaletteColor.SERIES_1, PaletteColor.SERIES_2,
            PaletteColor.SERIES_3, PaletteColor.SERIES_4, PaletteColor.SERIES_5, PaletteColor.SERIES_6,
            PaletteColor.SERIES_7, PaletteColor.SERIES_8};

    /** The value CSS gave each colour; null until CSS reaches this node (then the light theme's is used). */
    private final Map<PaletteColor, StyleableObjectProperty<Color>> styled = new EnumMap<>(PaletteColor.class);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private DivergingColorMap weightMap;
    private DivergingColorMap classMap;

    public Palette() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(MAPPING_STYLESHEET);
        setManaged(false);
        setVisible(false);
        setMouseTransparent(true);
        for (PaletteColor c : PaletteColor.values()) {
            StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(META.get(c), this, c.name());
            p.addListener((obs, old, now) -> {
                weightMap = null;
                classMap = null;
                revision.set(revision.get() + 1);
            });
            styled.put(c, p);
        }
    }

    /** The colour {@code c} has in this palette's scene now. */
    public Color color(PaletteColor c) {
        Color styledValue = styled.get(c).get();
        return styledValue != null ? styledValue : LightDefaults.of(c);
    }

    /** Weights, gradients, updates and biases: negative, zero and positive colours. */
    public DivergingColorMap weightMap() {
        if (weightMap == null) {
            weightMap = new DivergingColorMap(color(PaletteColor.WEIGHT_NEGATIVE), zeroColor(),
                    color(PaletteColor.WEIGHT_POSITIVE), notANumberColor());
        }
        return weightMap;
    }

    /** Outputs and labels: class -1 (or 0) colour, zero, class +1 colour. */
    public DivergingColorMap classMap() {
        if (classMap == null) {
            classMap = new DivergingColorMap(color(PaletteColor.CLASS_NEGATIVE), zeroColor(),
                    color(PaletteColor.CLASS_POSITIVE), notANumberColor());
        }
        return classMap;
    }

    /**
     * Colour of class {@code k}: for two classes labelled -1/+1 pass -1 or +1; for three classes
     * (0, 1, 2) class 0 takes the negative colour, 1 the positive one, 2 the third.
     */
    public Color classColor(int k) {
        return switch (k) {
            case -1, 0 -> color(PaletteColor.CLASS_NEGATIVE);
            case 1 -> color(PaletteColor.CLASS_POSITIVE);
            default -> color(PaletteColor.CLASS_THIRD);
        };
    }

    public Color frozenColor() {
        return color(PaletteColor.FROZEN);
    }

    public Color notANumberColor() {
        return color(PaletteColor.NOT_A_NUMBER);
    }

    public Color zeroColor() {
        return color(PaletteColor.WEIGHT_ZERO);
    }

    /** Text and axis colour for canvases. */
    public Color inkColor() {
        return color(PaletteColor.INK);
    }

    /** The colour of the {@code i}-th series (a layer in a chart of all layers), repeating after eight. */
    public Color seriesColor(int i) {
        return color(SERIES[Math.floorMod(i, SERIES.length)]);
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

    private static CssMetaData<Palette, Color> meta(PaletteColor c) {
        return new CssMetaData<>(property(c), ColorConverter.getInstance(), null) {
            @Override
            public boolean isSettable(Palette p) {
                return !p.styled.get(c).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(Palette p) {
                return p.styled.get(c);
            }
        };
    }

    /** The Palette's CSS property that holds {@code c}. */
    static String property(PaletteColor c) {
        return c.variable() + "-color";
    }

    private static String mappingStylesheet() {
        StringBuilder css = new StringBuilder("." + STYLE_CLASS + " {\n");
        for (PaletteColor c : PaletteColor.values()) {
            css.append("    ").append(property(c)).append(": ").append(c.variable()).append(";\n");
        }
        css.append("}\n");
        return "data:text/css;base64,"
                + Base64.getEncoder().encodeToString(css.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The light theme's colours, read from the stylesheets on first use (the holder idiom keeps it lazy). */
    private static final class LightDefaults {
        private static final Map<PaletteColor, Color> COLORS = read();

        static Color of(PaletteColor c) {
            return COLORS.get(c);
        }

        private static Map<PaletteColor, Color> read() {
            CssVariables vars = CssVariables.read(
                    Objects.requireNonNull(Palette.class.getResource(new PrimerLight().getUserAgentStylesheet())),
                    Objects.requireNonNull(Palette.class.getResource(APP_STYLESHEET)));
            Map<PaletteColor, Color> out = new EnumMap<>(PaletteColor.class);
            for (PaletteColor c : PaletteColor.values()) {
                out.put(c, vars.color(c.variable()));
            }
            return out;
        }
    }
}
