/**
 * The training engine: pure Java, no JavaFX, driven by one thread.
 *
 * <ul>
 * <li>{@link org.weightlab.engine.Trainer} owns a run: {@code step()}, {@code runEpoch()},
 *     {@code evaluate()}, freezing and edits, {@code checkpoint()} / {@code restore()},
 *     {@code trace(...)}, {@code stats(layer)}, {@code computeField(...)}, {@code divergence()}.</li>
 * <li>{@link org.weightlab.engine.Network}: a list of modules ({@code NetModule}) and a loss. Every
 *     module lists its {@link org.weightlab.engine.Parameter}s (values, gradients, frozen mask,
 *     last updates); the network numbers them, and the optimizer
 *     ({@link org.weightlab.engine.Optimizer}, one {@link org.weightlab.engine.OptimizerState} slot
 *     per parameter), the regularization, the finiteness check and checkpoints loop over that list.
 *     {@code copy()} for other threads.</li>
 * <li>{@link org.weightlab.engine.Layer}: the dense module, flat row-major weights
 *     {@code w[o * in + i]}; its batch kernels are in {@code DenseKernels}.</li>
 * <li>{@link org.weightlab.engine.Activation}, {@link org.weightlab.engine.Loss},
 *     {@link org.weightlab.engine.Init}, {@link org.weightlab.engine.Optimizer}: the math of DESIGN 3,
 *     each documented with its formula.</li>
 * <li>{@link org.weightlab.engine.Rng}: SplitMix64, seeded from the config; four streams (weights,
 *     shuffling, dropout, LoRA adapters' A).</li>
 * <li>{@code engine.reference}: the same training in plain loops, one example at a time, that the
 *     tests hold the fast path against.</li>
 * </ul>
 *
 * <h2>How to add a layer kind</h2>
 *
 * A LoRA adapter, a batch normalization, a convolution or a quantizer is one new module:
 * <ol>
 * <li>{@code engine/<Kind>.java} implements {@code NetModule}: its {@code Parameter}s (a name such as
 *     "A", "B" or "gamma"; the shape; whether l1/l2 applies), {@code forward} (reads
 *     {@code ws.in[index]}, writes {@code ws.z[index]} and {@code ws.a[index]}) beside
 *     {@code backward} (the gradients of its parameters, in the order it lists them, and dL/d(input)),
 *     {@code copy}, {@code copyInto}, {@code sameShape}. Buffers that depend on the batch (batch
 *     norm's means and variances) belong in {@code Workspace}, not the module: one module serves the
 *     training batch and the evaluation chunks. Tuned kernels go in a {@code <Kind>Kernels} file,
 *     each under 325 bytes of bytecode so that the JIT inlines them into the module's methods.</li>
 * <li>Nothing changes in {@code Optimizer}, {@code OptimizerState}, {@code Trainer.step()} or
 *     {@code Checkpoint}: optimizer state, frozen entries, regularization and divergence checks
 *     follow {@code Network.parameters()}.</li>
 * <li>Building it: a field in {@code engine.config.RunConfig} and {@code Network.create}; saving it:
 *     the scenario and run-export codec ({@code scenario}) writes its parameters by name in the
 *     layer's entry, as an optional field, so that files written before it still open unchanged.</li>
 * <li>Tests: a case in {@code GradientCheckTest} (finite differences over every parameter of
 *     {@code Network.parameters()}), and the module's plain forward and backward in
 *     {@code engine.reference.ReferenceNetwork} with a case in {@code ReferenceAgreementTest}.
 *     The exact semantics are PyTorch's (DESIGN 7), so a notebook can replay a run.</li>
 * <li>Still written for dense layers, to extend when the first other kind arrives: the trace
 *     ({@code TraceLayer}), the field ({@code FieldComputer}), {@code Trainer.stats} and the views,
 *     which reach modules through {@code Network.layer(l)} (it refuses a module that is not dense).</li>
 * </ol>
 * <p>The first kind, LoRA ({@link org.weightlab.engine.LoraAdapter}), is not a module of its own but
 * an optional part of the dense {@link org.weightlab.engine.Layer}: it changes the layer's weights
 * (W' = W + s B A) rather than adding a step after it, so the views, the trace and the field keep
 * reaching it as a dense layer. Its parameters "A" and "B" follow "weight" and "bias" in the
 * layer's list, and everything in step 2 above held: the optimizer, its state, freezing,
 * regularization and checkpoints needed no change. What it took: {@code LoraAdapter} (forward and
 * backward), {@code Layer} (the adapter's branch; a layer without one runs the plain path),
 * {@code Network.create} / {@code withAdapters} / {@code merged}, {@code FieldComputer} (W'),
 * {@code engine.config.LoraSpec} and {@code RunConfig.lora}, the codec ({@code scenario.LoraCodec},
 * {@code LoraState}), the reference network, and the tests ({@code LoraTest},
 * {@code LoraReferenceAgreementTest}, {@code LoraFileTest}, {@code LoraTorchReplayTest}).
 *
 * <p>Batch normalization ({@link org.weightlab.engine.BatchNorm}) followed the same way: an optional
 * part of the dense layer between z and the activation, so that the views, the field and the trace
 * keep reaching the layer as dense. Its parameters "gamma" and "beta" come last in the layer's list;
 * its running statistics are state, not parameters (copied with the layer, so checkpoints carry
 * them); the batch's buffers are in {@code Workspace}, whose {@code training} flag chooses batch or
 * running statistics; {@code Trainer.step()} moves the running statistics after the update
 * ({@code Network.commitBatchStatistics}). A layer without one runs the plain forward and backward.
 * What it took: {@code BatchNorm}, {@code BatchNormBatches} (batches of one refused up front),
 * {@code Layer}, {@code Network.withBatchNorm}, {@code Workspace}, {@code FieldComputer}, the codec
 * ({@code scenario.NormCodec}, {@code NormState}), safetensors and model.py, the reference
 * ({@code engine.reference.ReferenceNormNetwork}), and the tests ({@code BatchNormTest},
 * {@code GradientCheckTest}, {@code NormReferenceAgreementTest}, {@code NormFileTest},
 * {@code BatchNormTorchReplayTest}).
 *
 * <p>The convolution ({@link org.weightlab.engine.ConvLayer}, PyTorch's {@code Conv2d} then the
 * activation then {@code Flatten}) is the first module of its own: the convolutions are the first
 * modules of the network, before the dense layers. So that the dense views keep working,
 * {@code Network.layer(l)} and {@code layerCount()} count the dense layers only (layer 0 is the
 * first dense layer, module {@code convCount()}); {@code Network.conv(c)} gives the convolutions,
 * and engine code that reads a {@code Workspace} buffer of dense layer l uses
 * {@code Network.moduleIndex(l)}. The views read a convolution's kernels, bias, shapes and one
 * example's feature maps ({@code ConvLayer.featureMaps}) from a network copy, and one example's
 * forward and backward values through the convolutions from {@code ConvTrace.of} (the dense layers'
 * stay in {@code Trace}); {@code Trainer.freezeKernel} freezes one kernel. Config field "conv"
 * ({@code engine.config.ConvSpec}, image data only).
 *
 * Keep {@code Network.backward} above the JIT's inlining limit (its comment says why), and compare
 * {@code bench} A and B before and after.
 */
package org.weightlab.engine;
