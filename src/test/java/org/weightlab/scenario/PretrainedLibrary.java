package org.weightlab.scenario;

import java.nio.file.Path;
import java.util.List;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;

/**
 * How the built-in pre-trained starts in {@code assets/pretrained/} are made: each is a [8, 8] tanh
 * network trained headless (Adam, 0.01, batches of 10) for a number of epochs on one 2-D data set,
 * then saved with its final weights as "initial". Training is deterministic, so the test checks each
 * file against a fresh run; {@code main} rebuilds the files (run it from the repository's top).
 */
final class PretrainedLibrary {

    /** One pre-trained start: its file name, what it is trained on and for how long, its text. */
    record Spec(String name, DatasetKind dataset, int epochs, String title, String summary) {

        RunConfig config() {
            return RunConfig.defaults().withDataset(dataset).withData(500, 0.1, 0.5, 11)
                    .withHidden(List.of(8, 8), List.of())
                    .withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.01));
        }

        /** A fresh run of this spec, trained to its last epoch. */
        Trainer train() {
            RunConfig c = config();
            Trainer t = new Trainer(c, DataGenerator.generate(c));
            t.runEpochs(epochs);
            return t;
        }

        Scenario scenario() {
            Scenario trained = new Scenario(config(), NetworkState.of(train().network()), null);
            return Pretrained.of(trained, title, summary);
        }
    }

    static final List<Spec> SPECS = List.of(
            new Spec("circle-8x8", DatasetKind.CIRCLE, 60, "Pre-trained on circle",
                    "[8, 8] tanh, 60 epochs on circle: a start for spiral or moons (freeze the base, train the last layer)"),
            new Spec("xor-8x8", DatasetKind.XOR, 60, "Pre-trained on xor",
                    "[8, 8] tanh, 60 epochs on xor: a start for gauss; watch xor's accuracy fall as it forgets"),
            new Spec("gauss-8x8", DatasetKind.GAUSS, 30, "Pre-trained on gauss",
                    "[8, 8] tanh, 30 epochs on gauss: a start for xor or circle with a LoRA adapter"));

    private PretrainedLibrary() {
    }

    public static void main(String[] args) throws ScenarioException {
        Path folder = Path.of(args.length > 0 ? args[0] : "assets/pretrained");
        StringBuilder index = new StringBuilder("# Built-in pre-trained starts, in the order File > Open pre-trained lists them.\n");
        for (Spec s : SPECS) {
            ScenarioFile.write(s.scenario(), folder.resolve(s.name() + ".json"));
            index.append(s.name()).append('\n');
        }
        AtomicFile.write(folder.resolve("index.txt"), index.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
