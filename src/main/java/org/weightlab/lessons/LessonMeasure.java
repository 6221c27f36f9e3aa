package org.weightlab.lessons;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.scenario.LessonStep;
import org.weightlab.session.LossPoint;
import org.weightlab.session.race.RaceSnapshot;

/**
 * The measures a lesson's checks name (listed in the lesson README), each taken on copies of
 * the run and stated as a student reads it. Runs off the FX thread: some measures evaluate the
 * whole data set or take a step on a copy.
 */
public final class LessonMeasure {

    public static final List<String> NAMES = List.of("trainLoss", "testLoss", "testAccuracy", "lossFall",
            "testLossRise", "blowUp", "weight", "bias", "rowSpread", "nearZero", "gradientRatio", "exampleLossFall",
            "frozenKept", "weightsKept", "trainLossVsStep", "testLossVsStep", "raceDiverged", "raceTrainLoss",
            "raceTestLoss", "raceTestAccuracy", "raceRank", "raceLossFall", "weightChange", "taskAAccuracy",
            "taskAAccuracyDrop", "trainableParameters", "firstLayerParameters", "weightSharing",
            "raceTrainable", "raceTaskAAccuracy");

    private LessonMeasure() {
    }

    static Measurement measure(LessonStep.Check c, StepPlayer.Marks m) {
        Measurement r = measureOnly(c, m);
        return r.ok() ? r : new Measurement(false, r.text() + limits(c));
    }

    private static Measurement measureOnly(LessonStep.Check c, StepPlayer.Marks m) {
        try {
            return switch (c.measure()) {
                case "trainLoss" -> bound(c, eval(m.now).trainLoss(), "train loss is %s");
                case "testLoss" -> bound(c, eval(m.now).testLoss(), "test loss is %s");
                case "testAccuracy" -> bound(c, eval(m.now).testAccuracy(), "test accuracy is %s");
                case "lossFall" -> lossFall(c, m);
                case "testLossRise" -> testLossRise(c, m.now.curve());
                case "blowUp" -> blowUp(c, m);
                case "weight" -> bound(c, m.now.checkpoint().network().layer(c.layer()).weight(0, 0), "w = %s");
                case "bias" -> bound(c, m.now.checkpoint().network().layer(c.layer()).bias(0), "b = %s");
                case "rowSpread" -> rowSpread(c, m.now.checkpoint().network());
                case "nearZero" -> nearZero(c, m.now.checkpoint().network());
                case "gradientRatio" -> gradientRatio(c, m.now);
                case "exampleLossFall" -> exampleLossFall(c, m);
                case "frozenKept" -> frozenKept(c, m);
                case "weightsKept" -> weightsKept(c, m);
                case "trainLossVsStep" -> versus(c, m, true);
                case "testLossVsStep" -> versus(c, m, false);
                case "raceDiverged", "raceTrainLoss", "raceTestLoss", "raceTestAccuracy", "raceRank", "raceLossFall",
                     "raceTrainable", "raceTaskAAccuracy" -> race(c, m.race);
                case "weightChange" -> weightChange(c, m);
                case "taskAAccuracy" -> TaskAMeasure.accuracy(c, m.now.curve());
                case "taskAAccuracyDrop" -> TaskAMeasure.accuracyDrop(c, m.now.curve());
                case "trainableParameters" -> TaskAMeasure.trainableParameters(c, m.now.checkpoint().network());
                case "firstLayerParameters" -> ConvMeasure.firstLayerParameters(c, m.now.checkpoint().network());
                case "weightSharing" -> ConvMeasure.weightSharing(c, m.now.checkpoint().network());
                default -> new Measurement(false, "unknown measure \"" + c.measure() + "\"");
            };
        } catch (RuntimeException e) {
            return new Measurement(false, c.measure() + ": " + e.getMessage());
        }
    }

    private static Evaluation eval(RunMoment m) {
        return m.trainer().evaluate();
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return String.format(Locale.ROOT, a < 10 ? "%.3f" : "%.1f", v);
    }

    private static Measurement bound(LessonStep.Check c, double v, String format) {
        return new Measurement(c.accepts(v), String.format(Locale.ROOT, format, num(v)));
    }

    /** " (expected at least 0.9)", so that a failure says what was wanted. */
    private static String limits(LessonStep.Check c) {
        String lo = c.atLeast() == null ? "" : "at least " + num(c.atLeast());
        String hi = c.atMost() == null ? "" : "at most " + num(c.atMost());
        String both = lo.isEmpty() || hi.isEmpty() ? lo + hi : lo + " and " + hi;
        return both.isEmpty() ? "" : " (expected " + both + ")";
    }

    private static Measurement lossFall(LessonStep.Check c, StepPlayer.Marks m) {
        double before = eval(m.trainStart).trainLoss();
        double after = eval(m.now).trainLoss();
        double ratio = after / before;
        return new Measurement(c.accepts(ratio), "train loss " + num(before) + " \u2192 " + num(after)
                + " (" + num(ratio) + "x)");
    }

    /** This step's final loss over the one at the end of step {@code c.step()} (the step before when 0). */
    private static Measurement versus(LessonStep.Check c, StepPlayer.Marks m, boolean train) {
        int current = m.stepEnds.size(); // this step's end is already in the list
        int other = c.step() == 0 ? current - 1 : c.step();
        if (other < 1 || other >= current) {
            return new Measurement(false, "step " + other + " has not been played before this one");
        }
        Evaluation then = eval(m.stepEnds.get(other - 1));
        Evaluation now = eval(m.now);
        double a = train ? then.trainLoss() : then.testLoss();
        double b = train ? now.trainLoss() : now.testLoss();
        double ratio = b / a;
        String what = train ? "train loss " : "test loss ";
        return new Measurement(c.accepts(ratio), what + num(b) + " against " + num(a) + " at the end of step "
                + other + " (" + num(ratio) + "x)");
    }

    private static Measurement testLossRise(LessonStep.Check c, List<LossPoint> curve) {
        if (curve.isEmpty()) {
            return new Measurement(false, "no epoch has been evaluated yet");
        }
        LossPoint best = curve.get(0);
        for (LossPoint p : curve) {
            if (p.testLoss() < best.testLoss()) {
                best = p;
            }
        }
        LossPoint last = curve.get(curve.size() - 1);
        double ratio = last.testLoss() / best.testLoss();
        return new Measurement(c.accepts(ratio), "test loss is " + num(ratio) + "x its minimum, reached at epoch "
                + best.epoch() + " (train loss " + num(best.trainLoss()) + " \u2192 " + num(last.trainLoss()) + ")");
    }

    private static Measurement blowUp(LessonStep.Check c, StepPlayer.Marks m) {
        var d = m.now.checkpoint().divergence();
        double before = eval(m.trainStart).trainLoss();
        if (d != null) {
            return new Measurement(c.accepts(Double.POSITIVE_INFINITY), "training diverged at step " + d.step()
                    + " (epoch " + d.epoch() + "): " + d.what());
        }
        double after = eval(m.now).trainLoss();
        double ratio = after / before;
        return new Measurement(c.accepts(ratio), "train loss " + num(before) + " \u2192 " + num(after)
                + " (" + num(ratio) + "x)");
    }

    /** A measure of run {@code c.run()} of the step's race, at the race's end. */
    private static Measurement race(LessonStep.Check c, RaceSnapshot race) {
        if (race == null) {
            return new Measurement(false, "no race has been run");
        }
        if (c.run() >= race.runs().size()) {
            return new Measurement(false, "the race has " + race.runs().size() + " runs, there is no run " + c.run());
        }
        RaceSnapshot.Run r = race.runs().get(c.run());
        String who = r.variant().label();
        String fate = r.diverged() ? " diverged at step " + r.divergence().step() + " (epoch "
                + r.divergence().epoch() + ")" : "";
        return switch (c.measure()) {
            case "raceDiverged" -> new Measurement(c.accepts(r.diverged() ? 1 : 0), r.diverged() ? who + fate
                    : who + " trained " + r.epochs() + " epochs without diverging");
            case "raceLossFall" -> {
                double before = r.curve().get(0).trainLoss();
                double ratio = r.rankingLoss() / before;
                yield new Measurement(c.accepts(ratio), who + (r.diverged() ? fate + ": train loss " + num(before)
                        + " \u2192 not a number" : " train loss " + num(before) + " \u2192 " + num(r.rankingLoss())
                        + " (" + num(ratio) + "x)"));
            }
            case "raceTrainable" -> new Measurement(c.accepts(r.trainable()), who + " trains " + r.trainable()
                    + " parameters");
            case "raceTaskAAccuracy" -> r.taskA() == null
                    ? new Measurement(false, "the race measures no task A (only a fineTuning race does)")
                    : new Measurement(c.accepts(r.taskA().accuracy()), who + " kept task A test accuracy "
                    + num(r.taskA().accuracy()) + " after " + r.epochs() + " epochs on task B");
            case "raceRank" -> {
                int rank = race.rank(c.run());
                yield new Measurement(c.accepts(rank), who + (r.diverged() ? fate + ": ranks " : " ranks ") + rank
                        + " of " + race.runs().size() + " by final train loss (" + num(r.rankingLoss()) + ")");
            }
            default -> {
                double v = r.diverged() ? Double.POSITIVE_INFINITY : switch (c.measure()) {
                    case "raceTrainLoss" -> r.trainLoss();
                    case "raceTestLoss" -> r.testLoss();
                    default -> r.testAccuracy();
                };
                String what = switch (c.measure()) {
                    case "raceTrainLoss" -> " train loss ";
                    case "raceTestLoss" -> " test loss ";
                    default -> " test accuracy ";
                };
                yield new Measurement(c.accepts(v), r.diverged() ? who + fate
                        : who + " ended with" + what + num(v) + " after " + r.epochs() + " epochs");
            }
        };
    }

    private static Measurement rowSpread(LessonStep.Check c, Network n) {
        double d = 0;
        for (int l = 0; l < n.layerCount() - 1; l++) {
            Layer layer = n.layer(l);
            for (int o = 1; o < layer.outputs(); o++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    d = Math.max(d, Math.abs(layer.weight(o, i) - layer.weight(0, i)));
                }
            }
        }
        return new Measurement(c.accepts(d), d == 0 ? "every hidden unit has exactly the same weights"
                : "hidden units' weights differ by up to " + num(d));
    }

    /**
     * How far {@code layer}'s weights moved while this step trained: |W - W0| / |W0| (Frobenius
     * norms), W0 the weights before the step's first training.
     */
    private static Measurement weightChange(LessonStep.Check c, StepPlayer.Marks m) {
        double[] before = m.trainStart.checkpoint().network().layer(c.layer()).weightsCopy();
        double[] after = m.now.checkpoint().network().layer(c.layer()).weightsCopy();
        double moved = 0;
        double size = 0;
        for (int i = 0; i < before.length; i++) {
            moved += (after[i] - before[i]) * (after[i] - before[i]);
            size += before[i] * before[i];
        }
        double ratio = size == 0 ? (moved == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(moved / size);
        return new Measurement(c.accepts(ratio), "layer " + (c.layer() + 1) + "'s weights moved "
                + Math.round(100 * ratio) + "% of their size while this step trained");
    }

    private static Measurement nearZero(LessonStep.Check c, Network n) {
        int count = 0;
        int all = 0;
        for (int l = 0; l < n.layerCount(); l++) {
            for (double w : n.layer(l).weightsCopy()) {
                all++;
                if (Math.abs(w) < 1e-3) {
                    count++;
                }
            }
        }
        double share = (double) count / all;
        return new Measurement(c.accepts(share), count + " of " + all + " weights ("
                + Math.round(100 * share) + "%) are within 0.001 of zero");
    }

    /** One more step on a copy: |dL/dW| of the first layer over that of the last. */
    private static Measurement gradientRatio(LessonStep.Check c, RunMoment m) {
        Trainer t = m.trainer();
        t.step();
        int last = t.network().layerCount() - 1;
        double ratio = t.stats(0).gradientNorm() / t.stats(last).gradientNorm();
        return new Measurement(c.accepts(ratio), "the first layer's gradient is " + num(ratio)
                + "x the last layer's");
    }

    private static Measurement exampleLossFall(LessonStep.Check c, StepPlayer.Marks m) {
        double before = m.trainStart.trainer().trace(0).loss();
        double after = m.now.trainer().trace(0).loss();
        double ratio = after / before;
        return new Measurement(c.accepts(ratio), "the loss on example 1 went " + num(before) + " \u2192 "
                + num(after));
    }

    private static Measurement frozenKept(LessonStep.Check c, StepPlayer.Marks m) {
        if (m.atFreeze == null) {
            return new Measurement(false, "nothing was frozen");
        }
        int l = c.layer();
        Layer then = m.atFreeze.checkpoint().network().layer(l);
        Layer now = m.now.checkpoint().network().layer(l);
        boolean same = Arrays.equals(then.weightsCopy(), now.weightsCopy())
                && Arrays.equals(then.biasesCopy(), now.biasesCopy());
        boolean frozen = allTrue(now.frozenWeightsCopy()) && allTrue(now.frozenBiasesCopy());
        double moved = 0;
        Network nThen = m.atFreeze.checkpoint().network();
        Network nNow = m.now.checkpoint().network();
        for (int k = l + 1; k < nNow.layerCount(); k++) {
            moved = Math.max(moved, maxDiff(nThen.layer(k).weightsCopy(), nNow.layer(k).weightsCopy()));
        }
        double v = same && frozen ? 1 : 0;
        String text = "layer " + (l + 1) + ": " + then.weightsCopy().length + " weights and "
                + then.biasesCopy().length + " biases " + (same ? "bit-identical" : "CHANGED") + " since the freeze"
                + (frozen ? "" : " (no longer frozen)") + "; later weights moved by up to " + num(moved);
        return new Measurement(c.accepts(v), text);
    }

    private static Measurement weightsKept(LessonStep.Check c, StepPlayer.Marks m) {
        if (m.beforeData == null || m.afterData == null) {
            return new Measurement(false, "the data was not switched");
        }
        Network a = m.beforeData.checkpoint().network();
        Network b = m.afterData.checkpoint().network();
        int params = 0;
        int same = 0;
        int frozenBefore = 0;
        int frozenAfter = 0;
        for (int l = 0; l < Math.min(a.layerCount(), b.layerCount()); l++) {
            double[] wa = a.layer(l).weightsCopy();
            double[] wb = b.layer(l).weightsCopy();
            params += wa.length;
            for (int i = 0; i < Math.min(wa.length, wb.length); i++) {
                if (Double.compare(wa[i], wb[i]) == 0) {
                    same++;
                }
            }
            frozenBefore += count(a.layer(l).frozenWeightsCopy());
            frozenAfter += count(b.layer(l).frozenWeightsCopy());
        }
        boolean kept = same == params && frozenBefore == frozenAfter && a.layerCount() == b.layerCount();
        return new Measurement(c.accepts(kept ? 1 : 0), same + " of " + params
                + " weights carried over to the new data, " + frozenAfter + " of " + frozenBefore
                + " frozen weights still frozen");
    }

    private static boolean allTrue(boolean[] a) {
        for (boolean b : a) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private static int count(boolean[] a) {
        int n = 0;
        for (boolean b : a) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static double maxDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
