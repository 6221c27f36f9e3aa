package org.weightlab.engine.config;

public enum OptimizerKind implements Named {
    SGD("sgd"), ADAGRAD("adagrad"), RMSPROP("rmsprop"), ADAM("adam"), ADAMW("adamw");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static OptimizerKind fromId(String id) {
        return Named.parse(OptimizerKind.class, "optimizer", id);
    }
}
