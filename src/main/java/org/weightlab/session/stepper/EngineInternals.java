package org.weightlab.session.stepper;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;

/**
 * Reads two things the engine's public API does not offer yet, from a {@link Trainer} that the
 * stepper owns alone (a private copy restored from a checkpoint): the example order of the next
 * minibatch and the optimizer's per-parameter state. Both are needed to show the step the engine
 * will really take. If the engine's fields change, each read returns empty and the stepper says
 * what it cannot show; it never guesses.
 *
 * <p>Stopgap: to be replaced by public {@code Trainer.nextBatch()} and a read-only optimizer
 * state view when the engine offers them.
 */
final class EngineInternals {

    private EngineInternals() {
    }

    /** Training-set indices of the examples the next {@link Trainer#step()} uses, in order. */
    static Optional<int[]> nextBatch(Trainer trainer) {
        try {
            // Draws this epoch's order if the epoch has not started; step() would do the same first.
            Method prepare = Trainer.class.getDeclaredMethod("prepareOrder");
            prepare.setAccessible(true);
            prepare.invoke(trainer);
            int[] order = (int[]) read(trainer, "order");
            int cursor = trainer.epochPosition();
            int n = Math.min(trainer.config().batchSize(), trainer.trainSize() - cursor);
            int[] batch = new int[n];
            System.arraycopy(order, cursor, batch, 0, n);
            return Optional.of(batch);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!trainer.config().shuffle()) {
                int cursor = trainer.epochPosition();
                int n = Math.min(trainer.config().batchSize(), trainer.trainSize() - cursor);
                int[] batch = new int[n];
                for (int b = 0; b < n; b++) {
                    batch[b] = cursor + b;
                }
                return Optional.of(batch);
            }
            return Optional.empty();
        }
    }

    /** A copy of the optimizer's state for every parameter. */
    static Optional<OptimizerMemory> memory(Trainer trainer) {
        try {
            Object state = read(trainer, "optimizer");
            Object[] weightSlots = (Object[]) read(state, "weights");
            Object[] biasSlots = (Object[]) read(state, "biases");
            Network net = trainer.network();
            ParameterMemory[][] w = new ParameterMemory[net.layerCount()][];
            ParameterMemory[][] b = new ParameterMemory[net.layerCount()][];
            for (int l = 0; l < net.layerCount(); l++) {
                w[l] = slot(weightSlots[l], net.layer(l).inputs() * net.layer(l).outputs());
                b[l] = slot(biasSlots[l], net.layer(l).outputs());
            }
            return Optional.of(new OptimizerMemory(w, b));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ParameterMemory[] slot(Object slot, int n) throws ReflectiveOperationException {
        double[] momentum = (double[]) read(slot, "momentum");
        boolean[] hasMomentum = (boolean[]) read(slot, "hasMomentum");
        double[] sum = (double[]) read(slot, "sum");
        double[] squareAvg = (double[]) read(slot, "squareAvg");
        double[] rmsMomentum = (double[]) read(slot, "rmsMomentum");
        double[] expAvg = (double[]) read(slot, "expAvg");
        double[] expAvgSq = (double[]) read(slot, "expAvgSq");
        long[] steps = (long[]) read(slot, "steps");
        ParameterMemory[] out = new ParameterMemory[n];
        for (int j = 0; j < n; j++) {
            out[j] = new ParameterMemory(hasMomentum != null && hasMomentum[j], at(momentum, j), at(sum, j),
                    at(squareAvg, j), at(rmsMomentum, j), at(expAvg, j), at(expAvgSq, j),
                    steps == null ? 0 : steps[j]);
        }
        return out;
    }

    private static double at(double[] a, int j) {
        return a == null ? 0.0 : a[j];
    }

    private static Object read(Object target, String name) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }
}
