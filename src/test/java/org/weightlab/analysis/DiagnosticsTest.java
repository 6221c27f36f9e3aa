package org.weightlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;

class DiagnosticsTest {

    private static Set<DiagnosisKind> kinds(List<Diagnosis> ds) {
        Set<DiagnosisKind> s = new TreeSet<>();
        ds.forEach(d -> s.add(d.kind()));
        return s;
    }

    /** Every kind ever diagnosed while {@code steps} steps of {@code config} run, one record per step. */
    private static Set<DiagnosisKind> diagnosedWhileTraining(RunConfig config, int steps) {
        EngineRun run = new EngineRun(config);
        SummaryHistory history = new SummaryHistory();
        Set<DiagnosisKind> seen = new TreeSet<>();
        history.record(run.snapshot(0));
        for (int i = 1; i <= steps; i++) {
            run.trainer().step();
            history.record(run.snapshot(0));
            seen.addAll(kinds(Diagnostics.diagnose(history.all())));
        }
        return seen;
    }

    @Test
    void vanishingGradientsAreNamedInASixLayerSigmoidNetwork() {
        RunConfig d = RunConfig.defaults();
        RunConfig deep = d.withHidden(List.of(8, 8, 8, 8, 8, 8), List.of())
                .withActivations(ActivationKind.SIGMOID, ActivationKind.TANH, d.loss(), d.problem());
        EngineRun run = new EngineRun(deep);
        SummaryHistory history = run.train(200, 1);
        List<Diagnosis> found = Diagnostics.diagnose(history.all());
        Diagnosis vanishing = found.stream().filter(x -> x.kind() == DiagnosisKind.VANISHING_GRADIENTS)
                .findFirst().orElseThrow(() -> new AssertionError("no vanishing-gradient message in " + found));
        // Independent reference: the per-weight gradient of the first layer against the output's, from the engine.
        double first = rms(run.trainer().network().layer(0).weightGradientsCopy());
        double out = rms(run.trainer().network().layer(6).weightGradientsCopy());
        assertTrue(first / out < 1e-2, "the first layer really gets a tiny share: " + first / out);
        assertTrue(vanishing.layer() <= 1, "an early layer is named: " + vanishing);
        assertTrue(vanishing.message().startsWith("Layer " + (vanishing.layer() + 1) + " receives ")
                && vanishing.message().contains("e-") && vanishing.message().contains("output layer"),
                vanishing.message());
    }

    @Test
    void explodingGradientsAreNamedAtLearningRateTen() {
        RunConfig hot = RunConfig.defaults().withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 10));
        Set<DiagnosisKind> seen = diagnosedWhileTraining(hot, 30);
        assertTrue(seen.contains(DiagnosisKind.EXPLODING_GRADIENTS), "seen: " + seen);
        assertTrue(seen.contains(DiagnosisKind.LEARNING_RATE_TOO_LARGE), "seen: " + seen);
    }

    @Test
    void theDefaultConfigurationRaisesNoDiagnosisAtAnyStep() {
        Set<DiagnosisKind> seen = diagnosedWhileTraining(RunConfig.defaults(), 1500);
        assertEquals(Set.of(), seen);
    }

    @Test
    void deadReluLayersAreCountedFromTheEngine() {
        RunConfig d = RunConfig.defaults();
        // A bias of -20 keeps every ReLU of the first layer below zero on all data (|x| < 7, |w| < 1.3).
        RunConfig dead = d.withHidden(List.of(8, 4), List.of())
                .withActivations(ActivationKind.RELU, ActivationKind.TANH, d.loss(), d.problem())
                .withInit(InitSpec.XAVIER_UNIFORM, InitSpec.constant(-20));
        EngineRun run = new EngineRun(dead);
        List<Diagnosis> found = Diagnostics.diagnose(run.train(6, 1).all());
        assertTrue(found.stream().anyMatch(x -> x.kind() == DiagnosisKind.DEAD_UNITS && x.layer() == 0
                && x.message().startsWith("8 of 8 neurons in layer 1 never activate")), "found: " + found);
    }

    @Test
    void deadUnitMessageCountsTheDeadNeuronsOfTheirLayer() {
        List<StepSummary> h = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            h.add(new StepSummary(i, List.of(Summaries.layer(2, 8, ActivationKind.RELU, 1, 0.1, 1e-3, 0, -1),
                    Summaries.layer(8, 8, ActivationKind.RELU, 1, 0.1, 1e-3, 5, -1),
                    Summaries.layer(8, 1, ActivationKind.TANH, 1, 0.1, 1e-3, -1, -1)), 0.03, i));
        }
        List<Diagnosis> found = Diagnostics.diagnose(h);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().startsWith("5 of 8 neurons in layer 2 never activate on the data"),
                found.get(0).message());
    }

    @Test
    void aSingleNoisyStepRaisesNoMessage() {
        List<StepSummary> h = Summaries.withRatios(1e-2, 1e-2, 1e-2, 1e-2, 0.5, 1e-2, 1e-2);
        for (int t = 1; t <= h.size(); t++) {
            assertEquals(List.of(), Diagnostics.diagnose(h.subList(0, t)), "at step " + (t - 1));
        }
    }

    @Test
    void aMessageStaysWhileTheRatioHoversBetweenItsThresholdsAndGoesWhenItFalls() {
        double[] r = new double[30];
        for (int i = 0; i < 10; i++) {
            r[i] = 0.2;
        }
        for (int i = 10; i < 20; i++) {
            // Alternating above and below the on-threshold: a plain threshold would flicker.
            r[i] = i % 2 == 0 ? 0.07 : 0.03;
        }
        for (int i = 20; i < 30; i++) {
            r[i] = 1e-3;
        }
        List<StepSummary> h = Summaries.withRatios(r);
        for (int t = 6; t <= 20; t++) {
            assertEquals(Set.of(DiagnosisKind.LEARNING_RATE_TOO_LARGE), kinds(Diagnostics.diagnose(h.subList(0, t))),
                    "at step " + (t - 1));
        }
        assertEquals(List.of(), Diagnostics.diagnose(h));
    }

    @Test
    void theAnswerForAStepDoesNotDependOnHowTheTimelineGotThere() {
        List<StepSummary> h = Summaries.withRatios(0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3);
        SummaryHistory history = new SummaryHistory();
        List<StepSummary> shuffled = new ArrayList<>(h);
        Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.forEach(history::add);
        for (StepSummary s : h) {
            assertEquals(Diagnostics.diagnose(h.subList(0, (int) s.step() + 1)),
                    Diagnostics.diagnose(history.upTo(s.step())), "at step " + s.step());
        }
    }

    @Test
    void nonFiniteValuesAreReportedAtOnce() {
        List<StepSummary> h = new ArrayList<>(Summaries.withRatios(1e-3, 1e-3, 1e-3));
        LayerSummary ok = Summaries.layer(4, 1, ActivationKind.TANH, 1, 0.1, 1e-3, -1, -1);
        LayerSummary bad = new LayerSummary(2, 4, ActivationKind.TANH, new double[9], new double[9], Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, -1, -1, true);
        h.add(new StepSummary(3, List.of(bad, ok), 0.03, 3));
        List<Diagnosis> found = Diagnostics.diagnose(h);
        assertFalse(found.isEmpty());
        assertEquals(DiagnosisKind.EXPLODING_GRADIENTS, found.get(0).kind());
        assertTrue(found.get(0).message().contains("layer 1"), found.get(0).message());
    }

    /** The diagnoses after {@code steps} steps of the circle default at {@code rate}, one record every {@code every} steps. */
    private static List<Diagnosis> circleAt(double rate, int steps, int every) {
        RunConfig c = RunConfig.defaults().withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, rate));
        return Diagnostics.diagnose(new EngineRun(c).train(steps, every).all());
    }

    private static void assertSaysTheLearningRateIsTooLarge(List<Diagnosis> found) {
        assertTrue(found.stream().anyMatch(x -> x.kind() == DiagnosisKind.LEARNING_RATE_TOO_LARGE
                && x.message().contains("learning rate is too large")), "found: " + found);
        assertTrue(found.stream().noneMatch(x -> x.kind() == DiagnosisKind.VANISHING_GRADIENTS),
                "the saturation is the learning rate's doing, not the depth's: " + found);
        assertTrue(found.stream().noneMatch(x -> x.message().contains("ReLU")), "found: " + found);
    }

    @Test
    void learningRateThreeOnTheCircleIsNamedTooLargeNotVanishing() {
        // every 25 steps, as the window records a fast run; and every step
        assertSaysTheLearningRateIsTooLarge(circleAt(3, 3000, 25));
        assertSaysTheLearningRateIsTooLarge(circleAt(3, 600, 1));
    }

    @Test
    void learningRateTenOnTheCircleIsNamedTooLargeLongAfterTheJump() {
        List<Diagnosis> found = circleAt(10, 3000, 25);
        assertSaysTheLearningRateIsTooLarge(found);
        Diagnosis d = found.stream().filter(x -> x.kind() == DiagnosisKind.LEARNING_RATE_TOO_LARGE).findFirst()
                .orElseThrow();
        assertTrue(d.message().contains("tanh neurons are now stuck"), d.message());
        // a history thinned many times over still holds the jump
        RunConfig c = RunConfig.defaults().withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 10));
        SummaryHistory small = new SummaryHistory(8);
        EngineRun run = new EngineRun(c);
        small.record(run.snapshot(0));
        for (int i = 1; i <= 2000; i++) {
            run.trainer().step();
            if (i % 10 == 0) {
                small.record(run.snapshot(0));
            }
        }
        assertSaysTheLearningRateIsTooLarge(Diagnostics.diagnose(small.all()));
    }

    @Test
    void aHealthyLongRunIsNotBlamedOnItsLearningRate() {
        for (double rate : new double[] {0.03, 0.1}) {
            List<Diagnosis> found = circleAt(rate, 20000, 50);
            assertTrue(found.stream().noneMatch(x -> x.kind() == DiagnosisKind.LEARNING_RATE_TOO_LARGE),
                    "lr " + rate + ": " + found);
            // and thinned down to a few records far apart
            RunConfig c = RunConfig.defaults().withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, rate));
            SummaryHistory small = new SummaryHistory(8);
            EngineRun run = new EngineRun(c);
            small.record(run.snapshot(0));
            for (int i = 1; i <= 20000; i++) {
                run.trainer().step();
                if (i % 10 == 0) {
                    small.record(run.snapshot(0));
                }
            }
            List<Diagnosis> thinned = Diagnostics.diagnose(small.all());
            assertTrue(thinned.stream().noneMatch(x -> x.kind() == DiagnosisKind.LEARNING_RATE_TOO_LARGE),
                    "lr " + rate + ", thinned: " + thinned);
        }
    }

    @Test
    void aJumpMadeAtAnEarlierLargerRateIsNotBlamedOnTheRateNowInUse() {
        RunConfig c = RunConfig.defaults().withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 10));
        List<StepSummary> h = new ArrayList<>(new EngineRun(c).train(500, 25).all());
        // the same moments, relabelled as if the rate had been lowered to 0.03 after the jump
        List<StepSummary> lowered = new ArrayList<>();
        for (StepSummary s : h) {
            lowered.add(s.step() < 100 ? s : new StepSummary(s.step(), s.layers(), 0.03, s.fingerprint()));
        }
        assertTrue(Diagnostics.diagnose(lowered).stream()
                .noneMatch(x -> x.message().contains("learning rate is too large")), Diagnostics.diagnose(lowered).toString());
        assertSaysTheLearningRateIsTooLarge(Diagnostics.diagnose(h));
    }

    private static double rms(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s / v.length);
    }
}
