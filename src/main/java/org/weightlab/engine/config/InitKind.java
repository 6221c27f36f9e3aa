package org.weightlab.engine.config;

/** Weight initializers. UNIFORM, NORMAL and CONSTANT take parameters (see {@link InitSpec}). */
public enum InitKind implements Named {
    ZEROS("zeros"), CONSTANT("constant"), UNIFORM("uniform"), NORMAL("normal"),
    XAVIER_UNIFORM("xavier_uniform"), XAVIER_NORMAL("xavier_normal"),
    HE_UNIFORM("he_uniform"), HE_NORMAL("he_normal"), LECUN_NORMAL("lecun_normal");

    private final String id;

    InitKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static InitKind fromId(String id) {
        return Named.parse(InitKind.class, "initializer", id);
    }
}
