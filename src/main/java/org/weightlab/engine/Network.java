package org.weightlab.engine;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;

/**
 * A stack of modules ({@link NetModule}) fed by input features, with a loss: first the convolutions
 * ({@link ConvLayer}, image data only; none for most networks), then the dense {@link Layer}s. The
 * forward and backward passes work on a whole minibatch held in a {@link Workspace}, whose buffers
 * are numbered by module. The parameters of all modules are numbered in one list, module by module
 * in {@link NetModule#parameters()} order: the optimizer, the regularizer and the gradient buffers
 * follow that numbering.
 *
 * <p>"Layer l" ({@link #layer}, {@link #layerCount}) counts the dense layers only: layer 0 is the
 * first dense layer (module {@link #convCount()}), the last is the output. The convolutions are
 * {@link #conv}(0) .. {@link #conv}(convCount() - 1), modules 0 .. convCount() - 1.
 */
public final class Network {

    private final List<Feature> features;
    private final LossKind loss;
    private final NetModule[] layers;
    /** Every module's parameters, module by module; the list is the same, read-only. */
    private final Parameter[] parameters;
    private final List<Parameter> parameterList;
    /** The index in {@link #parameters} of each module's first parameter. */
    private final int[] firstParameter;
    /** The module each parameter belongs to. */
    private final int[] owner;
    /** Whether some layer is batch-normalized. */
    private final boolean normalized;
    /** The number of convolutions, which come before the dense layers. */
    private final int convCount;

    public Network(List<Feature> features, LossKind loss, List<? extends NetModule> layers) {
        if (features == null) {
            throw new IllegalArgumentException("a network needs its input features (empty: the data's columns)");
        }
        if (loss == null || layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs a loss and at least one layer");
        }
        this.features = List.copyOf(features);
        this.loss = loss;
        this.layers = layers.toArray(new NetModule[0]);
        // No features: the inputs are the data's columns, as many as the first layer takes.
        int width = features.isEmpty() ? layers.get(0).inputs() : features.size();
        for (int l = 0; l < this.layers.length; l++) {
            NetModule layer = this.layers[l];
            if (layer.inputs() != width) {
                throw new IllegalArgumentException("layer " + l + " takes " + layer.inputs() + " inputs but gets "
                        + width);
            }
            boolean last = l == this.layers.length - 1;
            if (layer instanceof ConvLayer && l > 0 && !(this.layers[l - 1] instanceof ConvLayer)) {
                throw new IllegalArgumentException("convolutions come before the dense layers (module " + l + ")");
            }
            if (last && !(layer instanceof Layer)) {
                throw new IllegalArgumentException("the output module must be a dense layer");
            }
            if (!last && layer.activation() == ActivationKind.SOFTMAX) {
                throw new IllegalArgumentException("softmax is for the output layer only (layer " + l + ")");
            }
            width = layer.outputs();
        }
        ActivationKind out = output().activation();
        if ((out == ActivationKind.SOFTMAX) != (loss == LossKind.CROSS_ENTROPY)) {
            throw new IllegalArgumentException("cross_entropy goes with a softmax output, and softmax with cross_entropy");
        }
        if (loss == LossKind.BCE && (out != ActivationKind.SIGMOID || output().outputs() != 1)) {
            throw new IllegalArgumentException("bce needs one sigmoid output");
        }
        List<Parameter> all = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        firstParameter = new int[this.layers.length];
        for (int l = 0; l < this.layers.length; l++) {
            firstParameter[l] = all.size();
            for (Parameter p : this.layers[l].parameters()) {
                all.add(p);
                owners.add(l);
            }
        }
        parameters = all.toArray(new Parameter[0]);
        parameterList = List.of(parameters);
        owner = owners.stream().mapToInt(Integer::intValue).toArray();
        boolean norm = false;
        int convs = 0;
        for (NetModule m : this.layers) {
            norm |= m instanceof Layer dense && dense.norm() != null;
            convs += m instanceof ConvLayer ? 1 : 0;
        }
        normalized = norm;
        convCount = convs;
    }

    /** Convolutions, then dense layers (e.g. read from a file). */
    public Network(List<Feature> features, LossKind loss, List<ConvLayer> conv, List<Layer> dense) {
        this(features, loss, concat(conv, dense));
    }

    private static List<NetModule> concat(List<ConvLayer> conv, List<Layer> dense) {
        List<NetModule> all = new ArrayList<>(conv);
        all.addAll(dense);
        return all;
    }

    /** A new network shaped by {@code config}, weights then biases of each layer drawn from {@code rng}. */
    public static Network create(RunConfig config, Rng rng) {
        List<NetModule> layers = new ArrayList<>();
        int in = config.inputs();
        int[] image = config.imageShape();
        for (org.weightlab.engine.config.ConvSpec spec : config.extras().conv()) {
            ConvLayer conv = new ConvLayer(image[0], image[1], image[2], spec.channels(), spec.kernel(),
                    config.activation());
            Init.fill(config.init(), conv.fanIn(), conv.fanOut(), conv.parameters().get(0).values, rng);
            Init.fill(config.biasInit(), conv.fanIn(), conv.fanOut(), conv.parameters().get(1).values, rng);
            layers.add(conv);
            image = new int[]{conv.channels(), conv.outHeight(), conv.outWidth()};
            in = conv.outputs();
        }
        int hidden = config.hidden().size();
        for (int l = 0; l <= hidden; l++) {
            boolean last = l == hidden;
            int out = last ? config.outputs() : config.hidden().get(l);
            Layer layer = new Layer(in, out, last ? config.outputActivation() : config.hiddenActivation(l));
            Init.fill(config.init(), in, out, layer.weights, rng);
            Init.fill(config.biasInit(), in, out, layer.biases, rng);
            layers.add(layer);
            in = out;
        }
        Network net = new Network(config.features(), config.loss(), layers).withAdapters(config);
        net.quantize(config.extras().quantization());
        return net;
    }

    /**
     * Quantization-aware training as {@code spec} says (null: none): from now on every dense
     * layer's forward pass computes with its weights quantized, per layer (see
     * {@link Layer#forward}); the weights themselves stay full precision.
     */
    public void quantize(QuantizationSpec spec) {
        WeightQuantizer q = WeightQuantizer.of(spec);
        for (NetModule m : layers) {
            if (m instanceof Layer l) {
                l.quantize(q);
            }
        }
    }

    /**
     * This network with the LoRA adapters {@code config} asks for ("lora") on the layers that have
     * none yet; A of each new adapter is drawn from the seed's stream 4, layer by layer in layer
     * order. An adapter already present must have the config's rank and alpha. Without "lora" in
     * the config the network itself is returned.
     */
    Network withAdapters(RunConfig config) {
        return adapted(config).withBatchNorm(config);
    }

    /**
     * This network with batch normalization on the hidden layers {@code config} flags
     * ("batchNorm") that have none yet (fresh: gamma 1, beta 0, running mean 0, variance 1). A
     * layer may not carry one the config does not flag; the output layer never does.
     */
    Network withBatchNorm(RunConfig config) {
        boolean any = false;
        List<NetModule> normed = new ArrayList<>(List.of(layers).subList(0, convCount));
        for (int l = 0; l < layerCount(); l++) {
            Layer layer = layer(l);
            boolean on = l < layerCount() - 1 && config.extras().batchNormOn(l);
            if (!on && layer.norm() != null) {
                throw new IllegalArgumentException("initial layer " + l
                        + " carries batch normalization the config's \"batchNorm\" does not list");
            }
            any |= on && layer.norm() == null;
            normed.add(on && layer.norm() == null ? layer.withBatchNorm() : layer);
        }
        return any ? new Network(features, loss, normed) : this;
    }

    /** True when some layer is batch-normalized. */
    public boolean hasBatchNorm() {
        return normalized;
    }

    /** Moves every batch norm's running statistics by the training batch of n last passed forward in {@code ws}. */
    void commitBatchStatistics(Workspace ws, int n) {
        if (!normalized) {
            return;
        }
        for (int l = 0; l < layers.length; l++) {
            if (layers[l] instanceof Layer dense && dense.norm() != null) {
                dense.norm().commit(ws, l, n);
            }
        }
    }

    private Network adapted(RunConfig config) {
        if (config.lora().isEmpty()) {
            for (NetModule m : layers) {
                if (m instanceof Layer l && l.adapter() != null) {
                    throw new IllegalArgumentException("initial weights carry a LoRA adapter the config does not list");
                }
            }
            return this;
        }
        Rng rng = Rng.stream(config.seed(), 4);
        List<NetModule> adapted = new ArrayList<>(List.of(layers).subList(0, convCount));
        for (int l = 0; l < layerCount(); l++) {
            LoraSpec spec = config.loraOf(l);
            Layer layer = layer(l);
            LoraAdapter a = layer.adapter();
            if (spec == null && a != null) {
                throw new IllegalArgumentException("initial layer " + l + " carries a LoRA adapter the config does not list");
            }
            if (a != null && (a.rank() != spec.rank() || a.alpha() != spec.alpha())) {
                throw new IllegalArgumentException("initial layer " + l + "'s LoRA adapter has rank " + a.rank()
                        + " and alpha " + a.alpha() + ", the config says " + spec.rank() + " and " + spec.alpha());
            }
            adapted.add(spec != null && a == null ? layer.withAdapter(spec.rank(), spec.alpha(), rng) : layer);
        }
        return new Network(features, loss, adapted);
    }

    /** A copy with every LoRA adapter folded into its layer's weights, W := W + s B A (see {@link Layer#merged()}). */
    public Network merged() {
        List<NetModule> plain = new ArrayList<>(layers.length);
        for (int m = 0; m < layers.length; m++) {
            plain.add(layers[m] instanceof Layer dense ? dense.merged() : layers[m].copy());
        }
        return new Network(features, loss, plain);
    }

    /** A copy with layer {@code l}'s LoRA adapter folded into its weights; the other layers as they are. */
    public Network merged(int l) {
        List<NetModule> out = new ArrayList<>(layers.length);
        int target = moduleIndex(l);
        for (int i = 0; i < layers.length; i++) {
            out.add(i == target ? layer(l).merged() : layers[i].copy());
        }
        return new Network(features, loss, out);
    }

    /** A new network shaped by {@code config}, initialized from the config's seed. */
    public static Network create(RunConfig config) {
        return create(config, Rng.stream(config.seed(), 1));
    }

    /** A deep copy (weights, biases, frozen masks, last gradients and updates). */
    public Network copy() {
        List<NetModule> copies = new ArrayList<>(layers.length);
        for (NetModule l : layers) {
            copies.add(l.copy());
        }
        return new Network(features, loss, copies);
    }

    void copyInto(Network target) {
        for (int l = 0; l < layers.length; l++) {
            layers[l].copyInto(target.layers[l]);
        }
    }

    /** True when {@code o} has the same features, loss and layer shapes and activations. */
    public boolean sameTopology(Network o) {
        if (!features.equals(o.features) || loss != o.loss || layers.length != o.layers.length
                || parameters.length != o.parameters.length) {
            return false;
        }
        for (int l = 0; l < layers.length; l++) {
            if (!layers[l].sameShape(o.layers[l])) {
                return false;
            }
        }
        for (int j = 0; j < parameters.length; j++) {
            if (!parameters[j].sameShape(o.parameters[j])) {
                return false;
            }
        }
        return true;
    }

    public List<Feature> features() {
        return features;
    }

    public LossKind loss() {
        return loss;
    }

    public int inputs() {
        return layers[0].inputs();
    }

    public int outputs() {
        return output().outputs();
    }

    /** The number of dense layers (hidden and output); the convolutions are counted by {@link #convCount()}. */
    public int layerCount() {
        return layers.length - convCount;
    }

    /** Dense layer {@code l} (0 = the first dense layer, after any convolutions; the views, the trace and the field read them). */
    public Layer layer(int l) {
        if (l < 0 || l >= layerCount()) {
            throw new IllegalArgumentException("layer " + l + " is outside 0.." + (layerCount() - 1));
        }
        return (Layer) layers[convCount + l];
    }

    public Layer output() {
        return layer(layerCount() - 1);
    }

    /** The number of convolutions before the dense layers (0 for most networks). */
    public int convCount() {
        return convCount;
    }

    /** Convolution {@code c} (live: engine thread only; a {@link #copy()} is safe to read). */
    public ConvLayer conv(int c) {
        if (c < 0 || c >= convCount) {
            throw new IllegalArgumentException("convolution " + c + " is outside 0.." + (convCount - 1));
        }
        return (ConvLayer) layers[c];
    }

    /** The number of modules: convolutions and dense layers. */
    int moduleCount() {
        return layers.length;
    }

    /** The module index of dense layer {@code l} (its buffers' index in a {@link Workspace}). */
    int moduleIndex(int l) {
        return convCount + l;
    }

    NetModule module(int l) {
        if (l < 0 || l >= layers.length) {
            throw new IllegalArgumentException("layer " + l + " is outside 0.." + (layers.length - 1));
        }
        return layers[l];
    }

    /** The number of parameter values (weights, biases, ...) of all modules. */
    public int parameterCount() {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** Every module's parameters, module by module (live: engine thread only). */
    public List<Parameter> parameters() {
        return parameterList;
    }

    /** Parameter {@code j} of {@link #parameters()}, for the training step's loops (no list in between). */
    Parameter parameter(int j) {
        return parameters[j];
    }

    /** The module parameter {@code j} belongs to. */
    int parameterOwner(int j) {
        return owner[j];
    }

    /** The index of module {@code l}'s first parameter. */
    int firstParameter(int l) {
        return firstParameter[l];
    }

    /** Arrays shaped like every parameter, in parameter order: gradient and proposal buffers. */
    double[][] newParameterBuffers() {
        double[][] b = new double[parameters.length][];
        for (int j = 0; j < parameters.length; j++) {
            b[j] = new double[parameters[j].size()];
        }
        return b;
    }

    /** The network's outputs for the input values {@code x} (one per input), without dropout. */
    public double[] predictInputs(double[] x) {
        if (x.length != inputs()) {
            throw new IllegalArgumentException(x.length + " values for " + inputs() + " inputs");
        }
        Workspace ws = new Workspace(this, 1);
        System.arraycopy(x, 0, ws.x, 0, x.length);
        forward(ws, 1, 0, null);
        return java.util.Arrays.copyOf(ws.a[layers.length - 1], outputs()); // capacity 1: [out][1]
    }

    /** The network's outputs at the raw point (x1, x2), without dropout. */
    public double[] predict(double x1, double x2) {
        Workspace ws = new Workspace(this, 1);
        for (int f = 0; f < features.size(); f++) {
            ws.x[f] = features.get(f).apply(x1, x2);
        }
        forward(ws, 1, 0, null);
        return java.util.Arrays.copyOf(ws.a[layers.length - 1], outputs()); // capacity 1: [out][1]
    }

    /**
     * Forward pass over the first {@code n} examples of {@code ws.x}. With {@code dropout > 0} and
     * a generator, each hidden unit of each example is kept with probability 1 - dropout and
     * scaled by 1 / (1 - dropout) (inverted dropout, drawn example by example, unit by unit).
     */
    void forward(Workspace ws, int n, double dropout, Rng rng) {
        int cap = ws.capacity;
        double[] x = ws.x;
        int last = layers.length - 1;
        ws.softmaxSummed = false;
        for (int l = 0; l <= last; l++) {
            NetModule layer = layers[l];
            int out = layer.outputs();
            ws.in[l] = x;
            layer.forward(ws, l, n);
            double[] a = ws.a[l];
            if (l < last && dropout > 0 && rng != null && layer instanceof Layer) {
                double keepScale = 1.0 / (1.0 - dropout);
                double[] mask = ws.mask[l];
                double[] d = ws.dropped[l];
                for (int b = 0; b < n; b++) {
                    for (int o = 0; o < out; o++) {
                        int j = o * cap + b;
                        mask[j] = rng.nextDouble() >= dropout ? keepScale : 0.0;
                        d[j] = a[j] * mask[j];
                    }
                }
                ws.masked[l] = true;
                x = d;
            } else {
                if (l < last) {
                    ws.masked[l] = false;
                }
                x = a;
            }
        }
    }

    /**
     * Backward pass after {@link #forward}: the mean data loss over the {@code n} examples, and the
     * gradient the optimizer sees written into {@code grads[j]} for parameter j (see
     * {@link #newParameterBuffers()}): the batch mean of the data-loss gradient, plus the
     * regularization term rate w (l2) or rate sign(w) (l1) of every decayable parameter (the
     * weights). Sums over the batch run in example order.
     *
     * <p>This method stays above the JIT's inlining limit (325 bytes of bytecode) with the
     * regularization written out here: it is compiled on its own with the modules' kernels
     * inlined, as before modules existed. Inlined into {@link Trainer#step()}, the step became one
     * compile unit too large for C2 to unroll the kernels' loops: 30-40% slower on network A.
     */
    double backward(Workspace ws, int n, RegularizationConfig reg, double[][] grads) {
        int cap = ws.capacity;
        int last = layers.length - 1;
        NetModule outLayer = layers[last];
        double total = Loss.batch(loss, outLayer.activation(), ws.z[last], ws.a[last], outLayer.outputs(), cap, n,
                ws.labels, ws.da[last], ws.dz[last], ws.softmaxSummed ? ws.softmaxSums : null);
        for (int l = last; l >= 0; l--) {
            NetModule layer = layers[l];
            int in = layer.inputs();
            double[] daPrev = l > 0 ? ws.da[l - 1] : null;
            layer.backward(ws, l, n, l == last, grads, firstParameter[l], daPrev);
            if (l > 0 && ws.masked[l - 1]) { // dropout between the modules: dL/da of the unit kept or dropped
                double[] mask = ws.mask[l - 1];
                for (int i = 0; i < in; i++) {
                    int row = i * cap;
                    for (int b = 0; b < n; b++) {
                        daPrev[row + b] *= mask[row + b];
                    }
                }
            }
        }
        if (reg.kind() != RegularizationKind.NONE) {
            double rate = reg.rate();
            boolean l1 = reg.kind() == RegularizationKind.L1;
            for (int p = 0; p < parameters.length; p++) {
                if (parameters[p].decayable()) {
                    double[] w = parameters[p].values;
                    double[] g = grads[p];
                    for (int j = 0; j < w.length; j++) {
                        g[j] += l1 ? rate * Math.signum(w[j]) : rate * w[j];
                    }
                }
            }
        }
        return total / n;
    }

    /** The penalty whose gradient {@link #backward} adds: rate/2 sum w^2 (l2), rate sum |w| (l1), over the weights. */
    public double penalty(RegularizationConfig reg) {
        if (reg.kind() == RegularizationKind.NONE) {
            return 0;
        }
        boolean l1 = reg.kind() == RegularizationKind.L1;
        double sum = 0;
        for (Parameter p : parameters) {
            if (p.decayable()) {
                for (double w : p.values) {
                    sum += l1 ? Math.abs(w) : w * w;
                }
            }
        }
        return l1 ? reg.rate() * sum : 0.5 * reg.rate() * sum;
    }

    /** Refuses a config this network does not fit (as initial weights): features, loss, layers, activations. */
    void checkFits(RunConfig c) {
        Network n = this;
        if (!n.features().equals(c.features()) || n.inputs() != c.inputs()) {
            throw new IllegalArgumentException("initial weights take " + n.inputs() + " inputs (features "
                    + ids(n.features()) + ") but the config has " + c.inputs() + " (" + ids(c.features()) + ")");
        }
        if (n.loss() != c.loss()) {
            throw new IllegalArgumentException("initial weights are for loss " + n.loss().id() + ", config says "
                    + c.loss().id());
        }
        List<org.weightlab.engine.config.ConvSpec> convs = c.extras().conv();
        if (n.convCount() != convs.size()) {
            throw new IllegalArgumentException("initial weights have " + n.convCount()
                    + " convolutions, the config " + convs.size());
        }
        for (int k = 0; k < convs.size(); k++) {
            ConvLayer conv = n.conv(k);
            if (conv.channels() != convs.get(k).channels() || conv.kernel() != convs.get(k).kernel()
                    || conv.activation() != c.activation()) {
                throw new IllegalArgumentException("initial convolution " + k + " has " + conv.channels()
                        + " kernels of " + conv.kernel() + "x" + conv.kernel() + " " + conv.activation().id()
                        + ", the config says " + convs.get(k).channels() + " of " + convs.get(k).kernel() + "x"
                        + convs.get(k).kernel() + " " + c.activation().id());
            }
        }
        if (n.layerCount() != c.hidden().size() + 1) {
            throw new IllegalArgumentException("initial weights have " + n.layerCount() + " layers, the config "
                    + (c.hidden().size() + 1));
        }
        for (int l = 0; l < n.layerCount(); l++) {
            boolean last = l == n.layerCount() - 1;
            int out = last ? c.outputs() : c.hidden().get(l);
            ActivationKind act = last ? c.outputActivation() : c.hiddenActivation(l);
            Layer layer = n.layer(l);
            if (layer.outputs() != out || layer.activation() != act) {
                throw new IllegalArgumentException("initial layer " + l + " is " + layer.outputs() + " "
                        + layer.activation().id() + " neurons, the config says " + out + " " + act.id());
            }
        }
    }

    private static String ids(List<Feature> f) {
        return f.stream().map(Feature::id).toList().toString();
    }

    /** Names the first value that is not finite, e.g. "the gradient of layer 1 weight 3 (NaN)"; null if none. */
    String firstNonFinite(String what, double[][] values) {
        for (int p = 0; p < values.length; p++) {
            for (int j = 0; j < values[p].length; j++) {
                if (!Double.isFinite(values[p][j])) {
                    int m = parameterOwner(p);
                    String where = m < convCount ? "convolution " + m : "layer " + (m - convCount);
                    return "the " + what + " of " + where + " " + parameter(p).name() + " " + j
                            + " (" + values[p][j] + ")";
                }
            }
        }
        return null;
    }
}
