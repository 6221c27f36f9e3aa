/**
 * The training engine: pure Java, no JavaFX, driven by one thread.
 *
 * <ul>
 * <li>{@link org.weightlab.engine.Trainer} owns a run: {@code step()}, {@code runEpoch()},
 *     {@code evaluate()}, freezing and edits, {@code checkpoint()} / {@code restore()},
 *     {@code trace(...)}, {@code stats(layer)}, {@code computeField(...)}, {@code divergence()}.</li>
 * <li>{@link org.weightlab.engine.Network} and {@link org.weightlab.engine.Layer}: dense layers with
 *     flat row-major weights {@code w[o * in + i]}; {@code copy()} for other threads.</li>
 * <li>{@link org.weightlab.engine.Activation}, {@link org.weightlab.engine.Loss},
 *     {@link org.weightlab.engine.Init}, {@link org.weightlab.engine.Optimizer}: the math of DESIGN 3,
 *     each documented with its formula.</li>
 * <li>{@link org.weightlab.engine.Rng}: SplitMix64, seeded from the config; three streams (weights,
 *     shuffling, dropout).</li>
 * </ul>
 */
package org.weightlab.engine;
