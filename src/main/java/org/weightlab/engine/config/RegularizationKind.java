package org.weightlab.engine.config;

public enum RegularizationKind implements Named {
    NONE("none"), L1("l1"), L2("l2");

    private final String id;

    RegularizationKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static RegularizationKind fromId(String id) {
        return Named.parse(RegularizationKind.class, "regularization", id);
    }
}
