package org.weightlab.ui.loss;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.weightlab.session.LossPoint;

/**
 * Not a test: measures the per-frame cost of the loss chart while ~1,000 points arrive per frame,
 * up to 200,000 points, for this Canvas chart and for ChartFX's XYChart (same data, same size).
 * Run headless at full speed, one chart per JVM:
 * <pre>
 * java -cp ... -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *      -Djavafx.animation.fullspeed=true org.weightlab.ui.loss.LossChartBenchmark canvas|chartfx
 * </pre>
 * Prints, per 20,000 points, the median and 95th percentile of the frame interval, of the FX
 * thread's wall and CPU time per pulse, and of the whole process's CPU time per frame (FX thread,
 * render thread and GC), then the total time for all points. Options: {@code total=N},
 * {@code warmup=FRAMES}, {@code modena} (JavaFX's own theme instead of AtlantaFX), and for ChartFX
 * {@code background}: append from a producer thread under the data set's write lock, as ChartFX
 * documents. Appending on the FX thread (as our views get points) stalled ChartFX 11.3.1 here on
 * the second frame: DoubleDataSet.add waits forever for the data set's write lock.
 */
public final class LossChartBenchmark {

    private LossChartBenchmark() {
    }

    public static void main(String[] args) {
        // launched through a nested class: a main class extending Application needs JavaFX as modules
        Application.launch(Bench.class, args);
    }

    /** The measuring application. */
    public static final class Bench extends Application {

    private static final int PER_FRAME = 1_000;
    private static int TOTAL = 200_000;
    private static final int STEPS_PER_EPOCH = 25;
    private static int WARMUP_FRAMES = 200;

    private final Random random = new Random(1);
    private long step;
    private int frame;
    private long last;
    private long pulseStart;
    private long fxCpuStart;
    private long processCpuLast;
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    // per frame: points, interval ms, fx wall ms, fx thread cpu ms, process cpu ms (all threads: fx, render, gc)
    private final List<double[]> rows = new ArrayList<>();

    private LossChartView canvasChart;
    private boolean background;
    private final java.util.concurrent.ExecutorService producer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread th = new Thread(r, "producer");
        th.setDaemon(true);
        return th;
    });
    private DoubleDataSet batch;
    private DoubleDataSet test;

    @Override
    public void start(Stage stage) {
        String which = getParameters().getRaw().isEmpty() ? "canvas" : getParameters().getRaw().get(0);
        if (!getParameters().getRaw().contains("modena")) {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        }
        background = getParameters().getRaw().contains("background");
        for (String a : getParameters().getRaw()) {
            if (a.startsWith("total=")) {
                TOTAL = Integer.parseInt(a.substring(6));
            } else if (a.startsWith("warmup=")) {
                WARMUP_FRAMES = Integer.parseInt(a.substring(7));
            }
        }
        Parent root;
        if (which.equals("chartfx")) {
            DefaultNumericAxis x = new DefaultNumericAxis("step");
            DefaultNumericAxis y = new DefaultNumericAxis("loss");
            x.setAnimated(false);
            y.setAnimated(false);
            x.setAutoRangeRounding(false);
            y.setForceZeroInRange(true);
            XYChart chart = new XYChart(x, y);
            chart.setAnimated(false);
            ErrorDataSetRenderer r = (ErrorDataSetRenderer) chart.getRenderers().get(0);
            r.setErrorStyle(ErrorStyle.NONE);
            r.setPolyLineStyle(LineStyle.NORMAL);
            r.setDrawMarker(false);
            batch = new DoubleDataSet("train (batch)", TOTAL);
            test = new DoubleDataSet("test", TOTAL / STEPS_PER_EPOCH);
            chart.getDatasets().addAll(batch, test);
            root = chart;
        } else {
            canvasChart = new LossChartView();
            root = canvasChart;
        }
        Scene scene = new Scene(root, 900, 420);
        scene.getStylesheets().add(LossChartBenchmark.class.getResource("/org/weightlab/ui/weightlab.css")
                .toExternalForm());
        // the FX thread's share of a frame ends after layout (ChartFX draws in its own post-layout hook,
        // registered later, so this is measured one listener early for ChartFX; see the report)
        scene.addPostLayoutPulseListener(() -> {
            if (pulseStart != 0 && rows.size() > 0) {
                double[] row = rows.get(rows.size() - 1);
                row[2] = (System.nanoTime() - pulseStart) / 1e6;
                row[3] = (threads.getCurrentThreadCpuTime() - fxCpuStart) / 1e6;
            }
        });
        stage.setScene(scene);
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulseStart = System.nanoTime();
                fxCpuStart = threads.getCurrentThreadCpuTime();
                long processCpu = os.getProcessCpuTime();
                if (last != 0 && frame > WARMUP_FRAMES) {
                    rows.add(new double[] {step, (pulseStart - last) / 1e6, Double.NaN, Double.NaN,
                        (processCpu - processCpuLast) / 1e6});
                }
                processCpuLast = processCpu;
                if (frame % 50 == 0) {
                    System.err.println("frame " + frame + " step " + step);
                }
                last = pulseStart;
                frame++;
                appendFrame();
                if (frame > WARMUP_FRAMES && step >= TOTAL) {
                    stop();
                    report(which);
                    Platform.exit();
                }
            }
        }.start();
    }

    /** One frame's worth of points, as the session would deliver them. */
    private void appendFrame() {
        if (frame == WARMUP_FRAMES) {
            // warm-up done (JIT compiled): start again from an empty chart
            step = 0;
            runStartNanos = System.nanoTime();
            runStartCpu = os.getProcessCpuTime();
            if (canvasChart != null) {
                canvasChart.clear();
            } else {
                batch.clearData();
                test.clearData();
            }
        }
        double[] xs = new double[PER_FRAME];
        double[] ys = new double[PER_FRAME];
        List<LossPoint> points = new ArrayList<>(PER_FRAME + PER_FRAME / STEPS_PER_EPOCH);
        double[] tx = new double[PER_FRAME / STEPS_PER_EPOCH];
        double[] ty = new double[tx.length];
        int t = 0;
        for (int i = 0; i < PER_FRAME; i++) {
            step++;
            double clean = 0.05 + 0.65 * Math.exp(-step / 30_000.0);
            double loss = clean * (1 + 0.4 * random.nextGaussian());
            xs[i] = step;
            ys[i] = loss;
            int epoch = (int) (step / STEPS_PER_EPOCH);
            points.add(new LossPoint(step, epoch, loss, Double.NaN, false));
            if (step % STEPS_PER_EPOCH == 0) {
                tx[t] = step;
                ty[t] = clean * 1.1;
                points.add(new LossPoint(step, epoch, clean, clean * 1.1, true));
                t++;
            }
        }
        if (canvasChart != null) {
            canvasChart.append(points);
        } else if (background) {
            // ChartFX's documented model: a producer thread writes under the data set's write lock
            double[] ex = Arrays.copyOf(tx, t);
            double[] ey = Arrays.copyOf(ty, t);
            producer.submit(() -> {
                batch.add(xs, ys);
                test.add(ex, ey);
            });
        } else {
            batch.add(xs, ys);
            test.add(Arrays.copyOf(tx, t), Arrays.copyOf(ty, t));
        }
    }

    private long runStartNanos;
    private long runStartCpu;

    private void report(String which) {
        double wall = (System.nanoTime() - runStartNanos) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - runStartCpu) / 1e9;
        System.out.printf(Locale.ROOT, "total: %.1f s wall, %.1f s process cpu for %d points (%.1f ms wall per 1,000)%n",
                wall, cpuSeconds, TOTAL, wall * 1000 / (TOTAL / 1000.0));
        System.out.printf(Locale.ROOT, "chart=%s frames=%d points=%d per_frame=%d%n", which, rows.size(), TOTAL,
                PER_FRAME);
        System.out.println("points_upto  interval_med/p95_ms  fx_wall_med/p95_ms  fx_cpu_med/p95_ms  process_cpu_med/p95_ms");
        for (int upto = 20_000; upto <= TOTAL; upto += 20_000) {
            int lo = upto - 20_000;
            int hi = upto;
            double[] interval = rows.stream().filter(r -> r[0] > lo && r[0] <= hi).mapToDouble(r -> r[1]).sorted()
                    .toArray();
            double[] fx = column(lo, hi, 2);
            double[] fxCpu = column(lo, hi, 3);
            double[] cpu = column(lo, hi, 4);
            System.out.printf(Locale.ROOT, "%11d  %8.2f / %7.2f  %8.2f / %7.2f  %7.2f / %7.2f  %9.2f / %8.2f%n", upto,
                    pct(interval, 0.5), pct(interval, 0.95), pct(fx, 0.5), pct(fx, 0.95), pct(fxCpu, 0.5),
                    pct(fxCpu, 0.95), pct(cpu, 0.5), pct(cpu, 0.95));
        }
    }

    private double[] column(int lo, int hi, int c) {
        return rows.stream().filter(r -> r[0] > lo && r[0] <= hi && !Double.isNaN(r[c])).mapToDouble(r -> r[c])
                .sorted().toArray();
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
    }
}
}
