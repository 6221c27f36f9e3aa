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

    /** The fewest labelled ticks an axis shows, at any zoom: two ticks alone do not show a scale. */
    public static final int MIN_TICKS = 3;

    /**
     * About {@code target} ticks on a linear axis over [lo, hi], at round values (1, 2, 5 x 10^k
     * apart), and never fewer than {@link #MIN_TICKS}: a range that would show fewer takes the next
     * finer round step.
     */
    public static List<Tick> linear(double lo, double hi, int target) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new ArrayList<>();
        }
        double step = niceStep((hi - lo) / Math.max(1, target));
        List<Tick> ticks = linearWithStep(lo, hi, step);
        while (ticks.size() < MIN_TICKS) {
            step = finerStep(step);
            ticks = linearWithStep(lo, hi, step);
        }
        return ticks;
    }

    private static List<Tick> linearWithStep(double lo, double hi, double step) {
        List<Tick> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        // multiples of the step, counted in integers so that no rounding error piles up
        for (long k = first; k * step <= hi + step * 1e-9 && ticks.size() < 50; k++) {
            double v = k * step;
            double rounded = k == 0 ? 0 : v;
            ticks.add(new Tick(rounded, format(rounded, decimals, step)));
        }
        return ticks;
    }

    /**
     * The same ticks with thousands written as "k" (12,000 -> "12k", 1,500 -> "1.5k"), for an axis
     * too narrow for the full numbers; other labels stay as they are.
     */
    public static List<Tick> inThousands(List<Tick> ticks) {
        double step = ticks.size() > 1 ? Math.abs(ticks.get(1).value() - ticks.get(0).value()) : 1;
        List<Tick> out = new ArrayList<>(ticks.size());
        for (Tick t : ticks) {
            double v = t.value();
            if (Math.abs(v) >= 1000 && Math.abs(v) < 1e6) {
                int decimals = Math.max(0, (int) -Math.floor(Math.log10(step / 1000) + 1e-9));
                out.add(new Tick(v, String.format(Locale.ROOT, "%." + decimals + "f", v / 1000) + "k"));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** The next smaller round step: 10 -> 5 -> 2 -> 1 -> 0.5 ... */
    static double finerStep(double step) {
        double p = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double m = Math.round(step / p);
        return m >= 5 ? 2 * p : m >= 2 ? p : 0.5 * p;
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
        if (ticks.size() < MIN_TICKS) {
            // a zoom inside less than a decade: round values spaced evenly still read as a scale
            return linear(lo, hi, MIN_TICKS);
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
        return format(v, decimals, Math.pow(10, -decimals));
    }

    /** {@code v} with as many digits as ticks {@code step} apart need to differ. */
    private static String format(double v, int decimals, double step) {
        // a long run's step axis: "2.5B", "40M" read at a glance (with more digits when zoomed in)
        int significant = (int) Math.max(3, Math.ceil(Math.log10(Math.abs(v) / step) + 1e-9) + 1);
        if (Math.abs(v) >= 1e9) {
            return compact(v / 1e9, significant) + "B";
        }
        if (Math.abs(v) >= 1e6) {
            return compact(v / 1e6, significant) + "M";
        }
        if (decimals > 6) {
            if (v == 0) {
                return "0";
            }
            int digits = Math.max(1, (int) Math.ceil(Math.log10(Math.abs(v) / step) + 1e-9));
            return String.format(Locale.ROOT, "%." + Math.min(6, digits) + "e", v).replaceAll("0+e", "e").replace(".e", "e");
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** Up to three significant digits without trailing zeros: 2, 2.5, 12.5, 400. */
    private static String compact(double v, int significant) {
        String t = String.format(Locale.ROOT, "%." + Math.min(12, significant) + "g", v);
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
