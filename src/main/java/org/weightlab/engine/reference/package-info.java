/**
 * Training written to be read rather than to be fast: {@link
 * org.weightlab.engine.reference.ReferenceNetwork} runs forward, backward, the loss and every
 * optimizer's update ({@link org.weightlab.engine.reference.ReferenceOptimizer}) one example and one
 * parameter ({@link org.weightlab.engine.reference.ReferenceParameter}) at a time, each formula in a
 * comment beside its code. It shares no arithmetic with the engine's batch kernels; the tests compare
 * the two on every activation, loss and optimizer.
 */
package org.weightlab.engine.reference;
