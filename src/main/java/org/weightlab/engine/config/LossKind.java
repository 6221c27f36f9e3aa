package org.weightlab.engine.config;

public enum LossKind implements Named {
    MSE("mse"), BCE("bce"), CROSS_ENTROPY("cross_entropy");

    private final String id;

    LossKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static LossKind fromId(String id) {
        return Named.parse(LossKind.class, "loss", id);
    }
}
