package org.weightlab.explain;

/**
 * What the optimizer remembers about one parameter before a step (PyTorch's per-parameter state).
 * Fields that the current optimizer does not use are 0.
 *
 * @param hasMomentum false until SGD's momentum buffer exists (its first step sets b = g)
 * @param momentum    SGD momentum buffer b
 * @param sum         AdaGrad's running sum of squared gradients s
 * @param squareAvg   RMSprop's running average of squared gradients v
 * @param rmsMomentum RMSprop's momentum buffer
 * @param expAvg      Adam's first moment m
 * @param expAvgSq    Adam's second moment v
 * @param steps       Adam's step count t for this parameter
 */
public record ParameterMemory(boolean hasMomentum, double momentum, double sum, double squareAvg,
                              double rmsMomentum, double expAvg, double expAvgSq, long steps) {

    public static final ParameterMemory FRESH = new ParameterMemory(false, 0, 0, 0, 0, 0, 0, 0);
}
