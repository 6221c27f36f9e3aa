package org.weightlab.analysis;

/**
 * One problem seen in the run, in plain words.
 *
 * @param layer   the weight layer it is about (0 = first hidden layer), or -1 for the whole network
 * @param message one or two sentences a student can act on
 */
public record Diagnosis(DiagnosisKind kind, int layer, String message) {
}
