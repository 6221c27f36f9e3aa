package org.weightlab.engine.config;

public enum ProblemKind implements Named {
    CLASSIFICATION("classification"), REGRESSION("regression");

    private final String id;

    ProblemKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static ProblemKind fromId(String id) {
        return Named.parse(ProblemKind.class, "problem", id);
    }
}
