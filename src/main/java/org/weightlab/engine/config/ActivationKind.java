package org.weightlab.engine.config;

/** Activation functions by their scenario-file names. {@code softmax} is for the output layer only. */
public enum ActivationKind implements Named {
    LINEAR("linear"), RELU("relu"), LEAKY_RELU("leaky_relu"), TANH("tanh"), SIGMOID("sigmoid"),
    SOFTMAX("softmax");

    private final String id;

    ActivationKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static ActivationKind fromId(String id) {
        return Named.parse(ActivationKind.class, "activation", id);
    }
}
