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
    SINE("sine", ProblemKind.REGRESSION, 1),
    /** The UCI handwritten digits: 8x8 images, 64 inputs, ten classes (labels 0..9). */
    DIGITS("digits", ProblemKind.CLASSIFICATION, 10),
    /**
     * Data carried inside the file (an imported CSV, clicked points): its problem kind and classes
     * are the data's own ({@code RunConfig#classes()}, {@code RunConfig#problem()}); the values here
     * are only the defaults of an empty two-class set.
     */
    CUSTOM("custom", ProblemKind.CLASSIFICATION, 2);

    /** Number of images in the digits set. */
    public static final int DIGITS_IMAGES = 1797;
    /** Side of a digit image in pixels. */
    public static final int DIGITS_SIDE = 8;

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

    /**
     * Number of classes (2 for labels -1/+1, 3 or more for labels 0..K-1); 1 for regression. For
     * {@link #CUSTOM} ask the config ({@code RunConfig#classes()}).
     */
    public int classes() {
        return classes;
    }

    /** True for the 1-D regression sets whose x2 is always 0. */
    public boolean oneDimensional() {
        return this == LINE || this == SINE;
    }

    /** Number of input columns of the raw data: 2 for the plane's sets, 64 for digits; custom: the data's. */
    public int dims() {
        return this == DIGITS ? 64 : 2;
    }

    /** Whether the data is generated from the config alone (not carried in the file). */
    public boolean generated() {
        return this != CUSTOM;
    }

    /** Names of the digits' 64 input columns, row by row: p00 (top left), p01, ..., p77 (bottom right). */
    public static java.util.List<String> digitsColumns() {
        String[] names = new String[DIGITS_SIDE * DIGITS_SIDE];
        for (int i = 0; i < names.length; i++) {
            names[i] = "p" + i / DIGITS_SIDE + i % DIGITS_SIDE;
        }
        return java.util.List.of(names);
    }

    public static DatasetKind fromId(String id) {
        return Named.parse(DatasetKind.class, "dataset", id);
    }
}
