/**
 * Compression of a trained network, computed on copies so that the run it comes from never
 * changes: its size in parameters and bytes ({@link org.weightlab.compress.ModelSize}), magnitude
 * and structured pruning ({@link org.weightlab.compress.Pruning}), k-bit, ternary and binary
 * quantization ({@link org.weightlab.compress.Quantizer}), both together
 * ({@link org.weightlab.compress.Compressor}), and the curves of loss and accuracy against
 * sparsity and against bits ({@link org.weightlab.compress.Sweep}). No JavaFX.
 */
package org.weightlab.compress;
