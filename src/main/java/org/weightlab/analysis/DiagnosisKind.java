package org.weightlab.analysis;

/** The training problems the inspector explains in plain words. */
public enum DiagnosisKind {
    VANISHING_GRADIENTS("Vanishing gradients"),
    EXPLODING_GRADIENTS("Exploding gradients"),
    DEAD_UNITS("Dead ReLUs"),
    SATURATED_UNITS("Saturated units"),
    LEARNING_RATE_TOO_LARGE("Learning rate too large");

    private final String title;

    DiagnosisKind(String title) {
        this.title = title;
    }

    /** A short heading, e.g. "Dead ReLUs". */
    public String title() {
        return title;
    }
}
