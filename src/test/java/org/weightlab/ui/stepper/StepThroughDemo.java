package org.weightlab.ui.stepper;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/**
 * Opens step-through mode on TF Playground's default run after a few training steps, to look at.
 * Arguments: an optimizer name (sgd, adam, ...) and a stage number to start at, both optional:
 * {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.weightlab.ui.stepper.StepThroughDemo
 * -Dexec.args="adam 12"}. Esc closes the window.
 */
public final class StepThroughDemo {

    private StepThroughDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            OptimizerKind kind = args.isEmpty() ? OptimizerKind.SGD : OptimizerKind.fromId(args.get(0));
            int startAt = args.size() > 1 ? Integer.parseInt(args.get(1)) : 0;
            RunConfig config = RunConfig.defaults()
                    .withOptimizer(OptimizerConfig.defaults(kind, kind == OptimizerKind.SGD ? 0.03 : 0.01));
            DataSplit data = DataGenerator.generate(config);
            Trainer trainer = new Trainer(config, data);
            trainer.runSteps(40);

            StepThroughViewModel model = new StepThroughViewModel();
            StepThroughView view = new StepThroughView(model);
            model.setOnExit(Platform::exit);
            model.enter(trainer.checkpoint(), data);
            for (int i = 0; i < startAt; i++) {
                model.forward();
            }
            stage.setTitle("WeightLab \u00b7 step-through");
            stage.setScene(new Scene(view, 1600, 1000));
            stage.show();
            view.requestFocus();
        }
    }
}
