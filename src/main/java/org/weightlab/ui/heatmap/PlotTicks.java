package org.weightlab.ui.heatmap;

import java.util.Locale;

/** Tick steps and labels shared by the output view's axes and legend. */
final class PlotTicks {

    private PlotTicks() {
    }

    /** "3", "0.5", "-1.25e-03": integers plainly, anything else with three significant digits. */
    static String tick(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    /** A step that puts about {@code count} labelled ticks on [lo, hi], never fewer than three. */
    static double stepFor(double lo, double hi, int count) {
        double step = niceStep((hi - lo) / count);
        while (step > 0 && Math.floor(hi / step) - Math.ceil(lo / step) + 1 < 3) {
            double smaller = niceStep(step / 2.5);
            if (smaller >= step) {
                break;
            }
            step = smaller;
        }
        return step;
    }
}
