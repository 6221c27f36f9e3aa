package org.weightlab.engine;

import java.util.List;
import org.weightlab.engine.config.ActivationKind;

/**
 * One module of a {@link Network}: a function of its input with parameters, forward and backward
 * side by side. Module {@code index} of a network reads its input batch from {@code ws.in[index]}
 * and leaves its outputs in {@code ws.a[index]} ({@code [outputs][capacity]}, see
 * {@link Workspace}), before the activation in {@code ws.z[index]}. Its parameters are listed in a
 * fixed order; the network numbers them across modules, and gradients are passed in buffers of
 * that numbering so that a preview (the trace) can compute them without touching the live ones.
 */
interface NetModule {

    int inputs();

    int outputs();

    /** The nonlinearity applied last (LINEAR for a module without one); the loss reads it for the output. */
    ActivationKind activation();

    /** The parameters, in a fixed order: the optimizer state and gradient buffers follow it. */
    List<Parameter> parameters();

    /** A deep copy: parameters with their gradients, frozen masks and updates. */
    NetModule copy();

    /** Copies the parameters into {@code target}, a module of the same shape. */
    void copyInto(NetModule target);

    /** Same kind, shape and activation (parameters may differ). */
    boolean sameShape(NetModule other);

    /** ws.z[index] and ws.a[index] of the first {@code n} examples from ws.in[index]. */
    void forward(Workspace ws, int index, int n);

    /**
     * The gradients of this module's parameters (batch means, no regularization) into
     * {@code grads[first]}, {@code grads[first + 1]}, ... in {@link #parameters()} order, and, when
     * {@code inputGrad} is not null, dL/d(input) into it ({@code [inputs][capacity]}). On entry
     * ws.da[index] holds dL/d(output); with {@code dzReady} the loss has also written dL/dz into
     * ws.dz[index] (the output module), otherwise the module computes it from its activation.
     * Sums over the batch run in example order.
     */
    void backward(Workspace ws, int index, int n, boolean dzReady, double[][] grads, int first, double[] inputGrad);
}
