package org.weightlab.explain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as a student reads them: 4 significant digits, a real minus sign, powers of ten as
 * superscripts outside [0.0001, 100000), and words for the values that are not numbers.
 */
public final class NumberText {

    public static final int DIGITS = 4;
    public static final String MINUS = "\u2212";
    private static final MathContext ROUND = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    private static final String SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

    private NumberText() {
    }

    /** The value to 4 significant digits; exact small integers without a decimal point. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : MINUS + "\u221e";
        }
        if (v == 0) {
            return "0";
        }
        String sign = v < 0 ? MINUS : "";
        double abs = Math.abs(v);
        if (abs == Math.rint(abs) && abs < 1e5) {
            return sign + (long) abs;
        }
        BigDecimal rounded = new BigDecimal(abs).round(ROUND);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < 5) {
            return sign + rounded.toPlainString();
        }
        String mantissa = rounded.movePointLeft(exponent).toPlainString();
        return sign + mantissa + "\u00d710" + superscript(exponent);
    }

    /** The exact value, as Java prints it (shortest text that reads back to the same double). */
    public static String exact(double v) {
        if (Double.isNaN(v)) {
            return "NaN: " + explainNaN();
        }
        return Double.toString(v);
    }

    /** What a NaN means in a training step, for the panel and tooltips. */
    public static String explainNaN() {
        return "NaN means \"not a number\": an earlier value overflowed to \u221e and then \u221e \u2212 \u221e, "
                + "0 \u00b7 \u221e or \u221e / \u221e came up. Lower the learning rate or reset.";
    }

    static String superscript(int n) {
        StringBuilder b = new StringBuilder();
        if (n < 0) {
            b.append('\u207b');
        }
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            b.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return b.toString();
    }
}
