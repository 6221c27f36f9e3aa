package org.weightlab.session.race;

import java.util.Objects;
import java.util.function.Function;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.TaskMove;
import org.weightlab.session.TrainingSession;

/**
 * Where a fine-tuning race starts: pre-trained weights (LoRA adapters already folded in), the
 * task they were trained on (task A, still measured) and the task to fine-tune on (task B).
 *
 * @param pretrained the weights every run starts from; each run takes a copy, so it is never changed
 */
public record FineTuningStart(Network pretrained, TaskMove.Task taskA, TaskMove.Task taskB) {

    public FineTuningStart {
        Objects.requireNonNull(pretrained, "pretrained");
        Objects.requireNonNull(taskA, "taskA");
        Objects.requireNonNull(taskB, "taskB");
    }

    /**
     * The start a copy of the window's run gives. With {@code taskB} null the run must have moved to
     * task B already: its data is task B and the task it moved from is task A. Otherwise the run's
     * own data is task A and {@code taskB} (a config the network fits, see {@link TaskMove}) is task
     * B, its data made by {@code data}. Throws with a readable message when there is no task B.
     */
    public static FineTuningStart of(TrainingSession.RunCopy copy, RunConfig taskB,
                                     Function<RunConfig, DataSplit> data) {
        Network weights = copy.checkpoint().network().merged();
        RunConfig now = copy.checkpoint().config();
        if (taskB == null) {
            if (copy.taskA() == null) {
                throw new IllegalArgumentException("choose a task B: the run has not moved to a second data set");
            }
            return new FineTuningStart(weights, copy.taskA(), new TaskMove.Task(now, copy.data()));
        }
        if (!RunConfig.sameNetworkShape(now, taskB)) {
            throw new IllegalArgumentException("the network does not fit " + taskB.dataset().id() + " as it is");
        }
        return new FineTuningStart(weights, new TaskMove.Task(now, copy.data()),
                new TaskMove.Task(taskB, data.apply(taskB)));
    }
}
