package org.weightlab.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The optional config sections that came after the core of version 1, each absent from a file
 * that does not use it (so files written before them open unchanged).
 *
 * @param batchNorm    config field "batchNorm": one flag per hidden layer, or empty for none
 * @param quantization config field "quantization": quantization-aware training, or null for none
 * @param data         data carried inside the file (imported CSV, clicked points), or null when
 *                     the data set is generated from the config
 * @param conv         config field "conv": convolution layers before the hidden dense layers (image
 *                     data only, see {@link ConvSpec}), or empty for none
 */
public record RunExtras(List<Boolean> batchNorm, QuantizationSpec quantization, InlineData data,
                        List<ConvSpec> conv) {

    public static final RunExtras NONE = new RunExtras(List.of(), null, null, List.of());

    public RunExtras {
        batchNorm = batchNorm == null ? List.of() : List.copyOf(batchNorm);
        conv = conv == null ? List.of() : List.copyOf(conv);
    }

    /** The sections without convolutions (the form before "conv"). */
    public RunExtras(List<Boolean> batchNorm, QuantizationSpec quantization, InlineData data) {
        this(batchNorm, quantization, data, List.of());
    }

    /** Checks these sections against the network's hidden layers. */
    void check(List<Integer> hidden) {
        if (!batchNorm.isEmpty() && batchNorm.size() != hidden.size()) {
            throw new IllegalArgumentException("batchNorm has " + batchNorm.size() + " entries for "
                    + hidden.size() + " hidden layers");
        }
    }

    /** These sections for a network with {@code hidden} layers: batch-norm flags kept by position, new layers without. */
    RunExtras fitting(List<Integer> hidden) {
        if (batchNorm.isEmpty() || batchNorm.size() == hidden.size()) {
            return this;
        }
        List<Boolean> flags = new ArrayList<>(batchNorm.subList(0, Math.min(batchNorm.size(), hidden.size())));
        while (flags.size() < hidden.size()) {
            flags.add(false);
        }
        return new RunExtras(flags.contains(true) ? flags : List.of(), quantization, data, conv);
    }

    public RunExtras withBatchNorm(List<Boolean> flags) {
        return new RunExtras(flags, quantization, data, conv);
    }

    public RunExtras withQuantization(QuantizationSpec q) {
        return new RunExtras(batchNorm, q, data, conv);
    }

    public RunExtras withData(InlineData d) {
        return new RunExtras(batchNorm, quantization, d, conv);
    }

    public RunExtras withConv(List<ConvSpec> c) {
        return new RunExtras(batchNorm, quantization, data, c);
    }

    /** Whether hidden layer {@code layer} (0-based) is batch-normalized. */
    public boolean batchNormOn(int layer) {
        return !batchNorm.isEmpty() && batchNorm.get(layer);
    }
}
