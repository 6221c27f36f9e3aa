package org.weightlab.engine.config;

public enum ScheduleKind implements Named {
    CONSTANT("constant"), STEP("step"), EXPONENTIAL("exponential"), COSINE("cosine");

    private final String id;

    ScheduleKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static ScheduleKind fromId(String id) {
        return Named.parse(ScheduleKind.class, "schedule", id);
    }
}
