package org.weightlab.ui.theme;

import java.util.Locale;

/** How views print a number for people: four significant digits, and words for non-finite values. */
public final class ValueFormat {

    public static final String NOT_A_NUMBER = "not a number";

    private ValueFormat() {
    }

    /** {@code v} with 4 significant digits ("0.1234", "-1.500e-05"); "not a number" for NaN and infinities. */
    public static String precise(double v) {
        if (!Double.isFinite(v)) {
            return NOT_A_NUMBER;
        }
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
