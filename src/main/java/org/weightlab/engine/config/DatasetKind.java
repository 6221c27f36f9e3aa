package org.weightlab.engine.config;

/** The built-in data sets, with their names in scenario files. */
public enum DatasetKind implements Named {
    CIRCLE("circle", ProblemKind.CLASSIFICATION, 2),
    XOR("xor", ProblemKind.CLASSIFICATION, 2),
    GAUSS("gauss", ProblemKind.CLASSIFICATION, 2),
    SPIRAL("spiral", ProblemKind.CLASSIFICATION, 2),
    MOONS("moons", ProblemKind.CLASSIFICATION, 2),
    GAUSS3("gauss3", ProblemKind.CLASSIFICATION, 3),
    SPIRAL3("spiral3", ProblemKind.CLASSIFICATION, 3),
    PLANE("plane", ProblemKind.REGRESSION, 1),
    MULTIGAUSS("multigauss", ProblemKind.REGRESSION, 1),
    LINE("line", ProblemKind.REGRESSION, 1),
    SINE("sine", ProblemKind.REGRESSION, 1);

    private final String id;
    private final ProblemKind problem;
    private final int classes;

    DatasetKind(String id, ProblemKind problem, int classes) {
        this.id = id;
        this.problem = problem;
        this.classes = classes;
    }

    @Override
    public String id() {
        return id;
    }

    /** The kind of problem this data set poses. */
    public ProblemKind problem() {
        return problem;
    }

    /** Number of classes (2 for labels -1/+1, 3 for labels 0/1/2); 1 for regression. */
    public int classes() {
        return classes;
    }

    /** True for the 1-D regression sets whose x2 is always 0. */
    public boolean oneDimensional() {
        return this == LINE || this == SINE;
    }

    public static DatasetKind fromId(String id) {
        return Named.parse(DatasetKind.class, "dataset", id);
    }
}
