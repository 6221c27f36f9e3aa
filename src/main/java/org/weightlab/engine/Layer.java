package org.weightlab.engine;

import java.util.Arrays;
import java.util.List;
import org.weightlab.engine.config.ActivationKind;

/**
 * One dense layer, the network's dense module: {@code a = f(W x + b)}. All matrices are flat and
 * row-major {@code [out][in]}: the weight from input {@code i} to neuron {@code o} is
 * {@code weights[o * inputs + i]}. Its two parameters are "weight" (regularized) and "bias"; the
 * fields below are their buffers under the names the engine has always used. The batch kernels are
 * in {@link DenseKernels}. Only the engine thread touches a live layer; the {@code *Copy()} methods
 * give snapshots.
 */
public final class Layer implements NetModule {

    private final int inputs;
    private final int outputs;
    private final ActivationKind activation;
    private final Parameter weight;
    private final Parameter bias;
    private final List<Parameter> parameters;
    /** The LoRA adapter, or null: a layer without one runs exactly the plain dense path. */
    private final LoraAdapter adapter;
    /** Batch normalization between z and the activation, or null: a layer without one runs the plain path. */
    private final BatchNorm norm;
    /**
     * Quantization-aware training: the quantizer of the weights the forward pass computes with, or
     * null (the plain path). See {@link #forward} and {@link #backward}.
     */
    private WeightQuantizer quantizer;
    /** w' = q(W) (q(W + s B A) with an adapter) of the last forward pass, [out][in]; null without a quantizer. */
    private double[] quantized;
    /** True without adapter, quantizer and batch norm: the forward and backward passes take the plain path. */
    private boolean plainDense;
    /** W, [out][in]. */
    final double[] weights;
    /** b, one per neuron. */
    final double[] biases;
    /** True where a weight may not move. */
    final boolean[] frozenWeights;
    final boolean[] frozenBiases;
    /** dL/dW of the last step: batch mean of the data-loss gradient plus the regularization term. */
    final double[] weightGradients;
    final double[] biasGradients;
    /** What the last step added to each weight (0 where frozen). */
    final double[] weightUpdates;
    final double[] biasUpdates;

    public Layer(int inputs, int outputs, ActivationKind activation) {
        this(inputs, outputs, activation, null);
    }

    private Layer(int inputs, int outputs, ActivationKind activation, LoraAdapter adapter) {
        this(inputs, outputs, activation, adapter, null);
    }

    private Layer(int inputs, int outputs, ActivationKind activation, LoraAdapter adapter, BatchNorm norm) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a layer needs at least one input and one output, got "
                    + inputs + " x " + outputs);
        }
        if (activation == null) {
            throw new IllegalArgumentException("layer activation is missing");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        weight = new Parameter("weight", true, outputs, inputs);
        bias = new Parameter("bias", false, outputs);
        this.adapter = adapter;
        this.norm = norm;
        List<Parameter> own = adapter == null ? List.of(weight, bias) : List.of(weight, bias, adapter.a, adapter.b);
        if (norm != null) {
            List<Parameter> all = new java.util.ArrayList<>(own);
            all.add(norm.gamma);
            all.add(norm.beta);
            own = List.copyOf(all);
        }
        parameters = own;
        weights = weight.values;
        biases = bias.values;
        frozenWeights = weight.frozen;
        frozenBiases = bias.frozen;
        weightGradients = weight.grads;
        biasGradients = bias.grads;
        weightUpdates = weight.updates;
        biasUpdates = bias.updates;
        plainDense = adapter == null && norm == null;
    }

    /**
     * A layer with given parameters (e.g. from a scenario's "initial" section); the arrays are
     * copied. {@code frozenWeights} / {@code frozenBiases} may be null for "nothing frozen".
     */
    public static Layer of(int inputs, int outputs, ActivationKind activation, double[] weights, double[] biases,
                           boolean[] frozenWeights, boolean[] frozenBiases) {
        Layer l = new Layer(inputs, outputs, activation);
        check("weights", weights.length, inputs * outputs);
        check("biases", biases.length, outputs);
        System.arraycopy(weights, 0, l.weights, 0, weights.length);
        System.arraycopy(biases, 0, l.biases, 0, biases.length);
        if (frozenWeights != null) {
            check("frozenWeights", frozenWeights.length, inputs * outputs);
            System.arraycopy(frozenWeights, 0, l.frozenWeights, 0, frozenWeights.length);
        }
        if (frozenBiases != null) {
            check("frozenBiases", frozenBiases.length, outputs);
            System.arraycopy(frozenBiases, 0, l.frozenBiases, 0, frozenBiases.length);
        }
        for (int j = 0; j < weights.length; j++) {
            if (!Double.isFinite(weights[j])) {
                throw new IllegalArgumentException("weight " + j + " is not finite: " + weights[j]);
            }
        }
        for (int j = 0; j < biases.length; j++) {
            if (!Double.isFinite(biases[j])) {
                throw new IllegalArgumentException("bias " + j + " is not finite: " + biases[j]);
            }
        }
        return l;
    }

    private static void check(String what, int got, int expected) {
        if (got != expected) {
            throw new IllegalArgumentException(what + " holds " + got + " values, expected " + expected);
        }
    }

    /**
     * This layer with a LoRA adapter of {@code rank} and {@code alpha} (parameters "A" and "B" after
     * "weight" and "bias"), A drawn from {@code rng} and B zero (see {@link LoraAdapter}); W and b
     * are copied and frozen, so only the adapter learns.
     */
    public Layer withAdapter(int rank, double alpha, Rng rng) {
        Layer l = new Layer(inputs, outputs, activation, new LoraAdapter(inputs, outputs, rank, alpha),
                norm == null ? null : norm.copy());
        weight.copyInto(l.weight);
        bias.copyInto(l.bias);
        java.util.Arrays.fill(l.frozenWeights, true);
        java.util.Arrays.fill(l.frozenBiases, true);
        l.adapter.initialize(rng);
        l.quantize(quantizer);
        return l;
    }

    /** This layer with a LoRA adapter holding the given A [r][in] and B [out][r] (e.g. from a file); W and b frozen. */
    public Layer withAdapter(int rank, double alpha, double[] a, double[] b) {
        Layer l = withAdapter(rank, alpha, new Rng(0));
        check("lora A", a.length, rank * inputs);
        check("lora B", b.length, outputs * rank);
        for (double v : a) {
            finite("lora A", v);
        }
        for (double v : b) {
            finite("lora B", v);
        }
        System.arraycopy(a, 0, l.adapter.a.values, 0, a.length);
        System.arraycopy(b, 0, l.adapter.b.values, 0, b.length);
        return l;
    }

    private static void finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " holds a value that is not finite: " + v);
        }
    }

    /**
     * This layer with its adapter folded in, W := W + s B A (PyTorch's {@code merge_and_unload}):
     * a plain dense layer computing the same function, with the frozen masks this layer has.
     */
    public Layer merged() {
        if (adapter == null) {
            return copy();
        }
        Layer plain = of(inputs, outputs, activation, adapter.effective(weights), biases, frozenWeights, frozenBiases);
        plain.quantize(quantizer);
        if (norm == null) {
            return plain;
        }
        Layer l = plain.withBatchNorm();
        norm.copyInto(l.norm);
        return l;
    }

    /**
     * This layer with batch normalization between z and the activation (parameters "gamma" and
     * "beta" last in the layer's list): gamma 1, beta 0, running mean 0 and variance 1. The rest is
     * copied.
     */
    public Layer withBatchNorm() {
        Layer l = new Layer(inputs, outputs, activation, adapter == null ? null : adapter.copy(),
                new BatchNorm(outputs));
        weight.copyInto(l.weight);
        bias.copyInto(l.bias);
        if (adapter != null) {
            adapter.copyInto(l.adapter);
        }
        l.quantize(quantizer);
        return l;
    }

    /** This layer with batch normalization holding the given state (e.g. from a file); masks may be null. */
    public Layer withBatchNorm(double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                               long batchesTracked, boolean[] frozenGamma, boolean[] frozenBeta) {
        Layer l = withBatchNorm();
        l.norm.set(gamma, beta, runningMean, runningVar, batchesTracked);
        if (frozenGamma != null) {
            check("frozenGamma", frozenGamma.length, outputs);
            System.arraycopy(frozenGamma, 0, l.norm.gamma.frozen, 0, outputs);
        }
        if (frozenBeta != null) {
            check("frozenBeta", frozenBeta.length, outputs);
            System.arraycopy(frozenBeta, 0, l.norm.beta.frozen, 0, outputs);
        }
        return l;
    }

    /** The batch normalization, or null (live: engine thread only; copies are safe to read). */
    public BatchNorm norm() {
        return norm;
    }

    /** The LoRA adapter, or null. */
    public LoraAdapter adapter() {
        return adapter;
    }

    /**
     * Quantization-aware training from now on with {@code q} (null: plain weights again). Only the
     * forward pass changes; the latent weights W stay full precision and are what the optimizer
     * moves.
     */
    void quantize(WeightQuantizer q) {
        quantizer = q;
        quantized = q == null ? null : new double[weights.length];
        plainDense = adapter == null && norm == null && q == null;
    }

    /** The quantizer of quantization-aware training, or null. */
    public WeightQuantizer quantizer() {
        return quantizer;
    }

    /**
     * The weights the layer computes with: W; W + s B A with an adapter; q(...) of that with a
     * quantizer (engine thread only; the returned buffer may be the layer's own).
     */
    double[] forwardWeights() {
        double[] w = adapter == null ? weights : adapter.effective(weights);
        return quantizer == null ? w : quantizer.apply(w, quantized);
    }

    /** The effective weights the layer computes with (W, W + s B A, quantized: see {@link #forwardWeights}), [out][in] row-major, copied. */
    public double[] effectiveWeightsCopy() {
        return forwardWeights().clone();
    }

    /** A deep copy: parameters, masks, last gradients and updates. */
    @Override
    public Layer copy() {
        Layer l = new Layer(inputs, outputs, activation, adapter == null ? null : adapter.copy(),
                norm == null ? null : new BatchNorm(outputs));
        copyInto(l);
        l.quantize(quantizer);
        return l;
    }

    @Override
    public void copyInto(NetModule target) {
        Layer l = (Layer) target;
        weight.copyInto(l.weight);
        bias.copyInto(l.bias);
        if (adapter != null) {
            adapter.copyInto(l.adapter);
        }
        if (norm != null) {
            norm.copyInto(l.norm);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * z = W x + b, then a = f(z). Each z is bias + w_0 x_0 + w_1 x_1 + ... summed in input order.
     * With batch normalization ws.z holds y = BN(z), the activation's input, and the raw z is in
     * ws.normRaw.
     * Quantization-aware training computes with w' = q(W) instead (the layer's weights quantized
     * together, see {@link WeightQuantizer}); the bias stays full precision.
     */
    @Override
    public void forward(Workspace ws, int index, int n) {
        if (!plainDense) {
            forwardExtended(ws, index, n);
            return;
        }
        DenseKernels.forwardLayer(weights, biases, inputs, outputs, ws.in[index], ws.capacity, n, ws.z[index]);
        activate(ws, index, n);
    }

    /** a = f(z) of the first n examples; softmax keeps each example's sum for the loss (see {@link Workspace#softmaxSums}). */
    private void activate(Workspace ws, int index, int n) {
        if (activation == ActivationKind.SOFTMAX) {
            Activation.softmax(ws.z[index], ws.a[index], outputs, ws.capacity, n, ws.softmaxSums);
            ws.softmaxSummed = true;
        } else {
            Activation.forward(activation, ws.z[index], ws.a[index], outputs, ws.capacity, n);
        }
    }

    /**
     * {@link #forward} with an adapter, a quantizer or batch normalization: kept out of the plain
     * path, so that the plain dense layer stays one small method the JIT always inlines.
     */
    private void forwardExtended(Workspace ws, int index, int n) {
        if (norm != null) {
            forwardNormalized(ws, index, n);
            return;
        }
        double[] w = adapter == null ? weights : adapter.effective(weights);
        if (quantizer != null) {
            w = quantizer.apply(w, quantized);
        }
        DenseKernels.forwardLayer(w, biases, inputs, outputs, ws.in[index], ws.capacity, n, ws.z[index]);
        activate(ws, index, n);
    }

    /** The forward pass through z = W x + b (into ws.normRaw), y = BN(z) (into ws.z) and a = f(y). */
    private void forwardNormalized(Workspace ws, int index, int n) {
        double[] w = adapter == null ? weights : adapter.effective(weights);
        if (quantizer != null) {
            w = quantizer.apply(w, quantized);
        }
        DenseKernels.forwardLayer(w, biases, inputs, outputs, ws.in[index], ws.capacity, n, ws.normRaw[index]);
        norm.forward(ws, index, n, ws.z[index]);
        activate(ws, index, n);
    }

    /**
     * dz = da f'(z) (unless the loss wrote it), dL/dW = mean dz x^T, dL/db = mean dz, dL/dx = W^T dz;
     * with an adapter dL/dW is dL/dW', from which the adapter's gradients follow, and dL/dx = W'^T dz.
     * With batch normalization ws.dz holds dL/dy and the dense gradients follow dL/dz (ws.normDz).
     *
     * <p>With a quantizer, the straight-through estimator (Bengio et al. 2013; PyTorch's
     * {@code w + (q(w) - w).detach()}): rounding has no useful derivative, so q is taken as the
     * identity backwards, dL/dW = dL/dW' = mean dz x^T (the gradient at the quantized weights), and
     * dL/dx = W'^T dz with the quantized W' of this pass's forward. The optimizer then moves the
     * full-precision latent W.
     */
    @Override
    public void backward(Workspace ws, int index, int n, boolean dzReady, double[][] grads, int first,
                         double[] inputGrad) {
        if (!plainDense) {
            backwardExtended(ws, index, n, dzReady, grads, first, inputGrad);
            return;
        }
        int cap = ws.capacity;
        double[] dz = ws.dz[index];
        if (!dzReady) {
            Activation.backward(activation, ws.z[index], ws.a[index], ws.da[index], dz, outputs, cap, n);
        }
        DenseKernels.gradientLayer(dz, ws.in[index], inputs, outputs, cap, n, grads[first], grads[first + 1],
                ws.gatheredRows(index, n), ws.rows);
        if (inputGrad != null) {
            DenseKernels.backwardLayer(weights, inputs, outputs, dz, cap, n, inputGrad);
        }
    }

    /** {@link #backward} with an adapter, a quantizer or batch normalization (see {@link #forwardExtended}). */
    private void backwardExtended(Workspace ws, int index, int n, boolean dzReady, double[][] grads, int first,
                                  double[] inputGrad) {
        int cap = ws.capacity;
        double[] dz = ws.dz[index];
        if (!dzReady) {
            Activation.backward(activation, ws.z[index], ws.a[index], ws.da[index], dz, outputs, cap, n);
        }
        if (norm != null) {
            dz = backwardNormalized(ws, index, n, dz, grads, first);
        } else {
            DenseKernels.gradientLayer(dz, ws.in[index], inputs, outputs, cap, n, grads[first], grads[first + 1],
                    ws.gatheredRows(index, n), ws.rows);
        }
        double[] w = weights;
        if (adapter != null) {
            adapter.gradients(grads[first], grads[first + 2], grads[first + 3]);
            w = adapter.lastEffective(); // W' of this pass's forward
        }
        if (quantizer != null) {
            w = quantized; // q(W') of this pass's forward
        }
        if (inputGrad != null) {
            DenseKernels.backwardLayer(w, inputs, outputs, dz, cap, n, inputGrad);
        }
    }

    /** Through the batch norm to dL/dz (returned: ws.normDz), then dL/dW and dL/db from it. */
    private double[] backwardNormalized(Workspace ws, int index, int n, double[] dy, double[][] grads, int first) {
        int g = first + parameters.size() - 2;
        double[] dz = ws.normDz[index];
        norm.backward(ws, index, n, dy, dz, grads[g], grads[g + 1]);
        DenseKernels.gradientLayer(dz, ws.in[index], inputs, outputs, ws.capacity, n, grads[first], grads[first + 1],
                ws.gatheredRows(index, n), ws.rows);
        if (ws.training) {
            // Exactly 0: the batch mean removes b (sum_b dz_b = 0). Summed, it is rounding noise of
            // 1e-17 that Adam's division by sqrt(v) would turn into steps of 1e-11.
            Arrays.fill(grads[first + 1], 0.0);
        }
        return dz;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public ActivationKind activation() {
        return activation;
    }

    public double weight(int out, int in) {
        return weights[index(out, in)];
    }

    public double bias(int out) {
        return biases[checkOut(out)];
    }

    public boolean weightFrozen(int out, int in) {
        return frozenWeights[index(out, in)];
    }

    public boolean biasFrozen(int out) {
        return frozenBiases[checkOut(out)];
    }

    public double weightGradient(int out, int in) {
        return weightGradients[index(out, in)];
    }

    public double biasGradient(int out) {
        return biasGradients[checkOut(out)];
    }

    public double[] weightsCopy() {
        return weights.clone();
    }

    public double[] biasesCopy() {
        return biases.clone();
    }

    public boolean[] frozenWeightsCopy() {
        return frozenWeights.clone();
    }

    public boolean[] frozenBiasesCopy() {
        return frozenBiases.clone();
    }

    public double[] weightGradientsCopy() {
        return weightGradients.clone();
    }

    public double[] biasGradientsCopy() {
        return biasGradients.clone();
    }

    public double[] weightUpdatesCopy() {
        return weightUpdates.clone();
    }

    public double[] biasUpdatesCopy() {
        return biasUpdates.clone();
    }

    /** Copies the weights into {@code target} (length inputs * outputs), for reused snapshot buffers. */
    public void copyWeightsTo(double[] target) {
        System.arraycopy(weights, 0, target, 0, weights.length);
    }

    int index(int out, int in) {
        checkOut(out);
        if (in < 0 || in >= inputs) {
            throw new IllegalArgumentException("input " + in + " is outside 0.." + (inputs - 1));
        }
        return out * inputs + in;
    }

    int checkOut(int out) {
        if (out < 0 || out >= outputs) {
            throw new IllegalArgumentException("neuron " + out + " is outside 0.." + (outputs - 1));
        }
        return out;
    }

    @Override
    public boolean sameShape(NetModule other) {
        return other instanceof Layer o && inputs == o.inputs && outputs == o.outputs && activation == o.activation
                && (adapter == null ? o.adapter == null : adapter.sameShape(o.adapter))
                && (norm == null ? o.norm == null : norm.sameShape(o.norm));
    }

    @Override
    public String toString() {
        return "Layer[" + inputs + " -> " + outputs + " " + activation.id() + ", w=" + Arrays.toString(weights)
                + ", b=" + Arrays.toString(biases) + "]";
    }
}
