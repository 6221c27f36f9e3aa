package org.weightlab.ui.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tick positions and labels for linear axes (1, 2, 5 x 10^k steps) and log axes (decades). */
public final class AxisTicks {

    private AxisTicks() {
    }

    /** A tick at {@code value} labelled {@code label}. */
    public record Tick(double value, String label) {
    }

    /** About {@code target} ticks on a linear axis over [lo, hi], at round values. */
    public static List<Tick> linear(double lo, double hi, int target) {
        List<Tick> ticks = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return ticks;
        }
        double step = niceStep((hi - lo) / Math.max(1, target));
        double first = Math.ceil(lo / step - 1e-9) * step;
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        for (double v = first; v <= hi + step * 1e-9 && ticks.size() < 50; v += step) {
            double rounded = Math.abs(v) < step * 1e-9 ? 0 : v;
            ticks.add(new Tick(rounded, format(rounded, decimals)));
        }
        return ticks;
    }

    /**
     * Ticks on a log axis over [lo, hi] (both > 0): every decade, plus 2 and 5 times each decade
     * when the range spans few decades; labels like 0.01, 1, 100 or 1e-5.
     */
    public static List<Tick> log(double lo, double hi) {
        List<Tick> ticks = new ArrayList<>();
        if (!(hi > lo) || !(lo > 0) || !Double.isFinite(hi)) {
            return ticks;
        }
        int d0 = (int) Math.floor(Math.log10(lo));
        int d1 = (int) Math.ceil(Math.log10(hi));
        double decades = Math.log10(hi / lo);
        int every = Math.max(1, (int) Math.ceil(decades / 8.0));
        double[] mantissas = decades <= 2.5 ? new double[] {1, 2, 5} : new double[] {1};
        for (int d = d0; d <= d1; d++) {
            if (Math.floorMod(d, every) != 0) {
                continue;
            }
            for (double m : mantissas) {
                double v = m * Math.pow(10, d);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    ticks.add(new Tick(v, formatLog(m, d)));
                }
            }
        }
        return ticks;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
        return nice * p;
    }

    private static String format(double v, int decimals) {
        if (Math.abs(v) >= 1e9) { // a long run's step axis: "2.5B", "40M" read at a glance
            return compact(v / 1e9) + "B";
        }
        if (Math.abs(v) >= 1e6) {
            return compact(v / 1e6) + "M";
        }
        if (decimals > 6) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** Up to three significant digits without trailing zeros: 2, 2.5, 12.5, 400. */
    private static String compact(double v) {
        String t = String.format(Locale.ROOT, "%.3g", v);
        if (t.contains("e")) {
            return t;
        }
        return t.contains(".") ? t.replaceAll("0+$", "").replaceAll("\\.$", "") : t;
    }

    private static String formatLog(double mantissa, int decade) {
        if (decade >= -3 && decade <= 4) {
            double v = mantissa * Math.pow(10, decade);
            return format(v, Math.max(0, -decade));
        }
        return (mantissa == 1 ? "" : (int) mantissa + "\u00b7") + "1e" + decade;
    }

    /** A value with four significant digits, for readouts. */
    public static String exact(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.format(Locale.ROOT, "%.5f", v);
    }
}
