package org.weightlab.explain;

/** The parts of one training step, in the order a student walks through them. */
public enum Phase {
    /** The example: raw point, features and target. */
    INPUT("Input"),
    /** One neuron's z = w . x + b and a = f(z). */
    FORWARD("Forward"),
    /** The loss of the output against the target. */
    LOSS("Loss"),
    /** One neuron's delta dL/dz by the chain rule, and the gradients of its weights and bias. */
    BACKWARD("Backward"),
    /** One example of the batch adds its gradients to the running sum. */
    ACCUMULATE("Batch"),
    /** One neuron's parameters before and after the optimizer's update. */
    UPDATE("Update"),
    /** The whole step, ready to be applied to the live run. */
    APPLY("Apply");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
