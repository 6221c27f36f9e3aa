package org.weightlab.scenario.safetensors;

import java.util.Arrays;

/**
 * One named tensor of a safetensors file: its element type as stored, its shape, and its values
 * widened to doubles in row-major order (the last index moves fastest). Immutable: arrays are
 * copied in and out. Equality compares values bit for bit.
 */
public record Tensor(Dtype dtype, int[] shape, double[] values) {

    public Tensor {
        if (dtype == null || shape == null || values == null) {
            throw new IllegalArgumentException("tensor is incomplete");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor shape " + Arrays.toString(shape) + " has a negative size");
            }
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("tensor shape " + Arrays.toString(shape) + " holds " + n
                    + " values, got " + values.length);
        }
        shape = shape.clone();
        values = values.clone();
    }

    /** A float64 tensor. */
    public static Tensor f64(int[] shape, double[] values) {
        return new Tensor(Dtype.F64, shape, values);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return values.length;
    }

    public double value(int index) {
        return values[index];
    }

    /** The shape as PyTorch prints it, e.g. {@code [4, 2]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor t) || dtype != t.dtype || !Arrays.equals(shape, t.shape)
                || values.length != t.values.length) {
            return false;
        }
        for (int j = 0; j < values.length; j++) {
            if (Double.doubleToRawLongBits(values[j]) != Double.doubleToRawLongBits(t.values[j])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tensor[" + dtype + " " + shapeText() + "]";
    }
}
