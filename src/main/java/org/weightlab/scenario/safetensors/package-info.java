/**
 * The safetensors format, in which open-weight models ship: reading and writing the files
 * against the specification, and the mapping between a WeightLab network and PyTorch's
 * {@code nn.Sequential} parameter names. No JavaFX.
 */
package org.weightlab.scenario.safetensors;
