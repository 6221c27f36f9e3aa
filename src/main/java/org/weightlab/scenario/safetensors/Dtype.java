package org.weightlab.scenario.safetensors;

/**
 * The element types WeightLab reads from a safetensors file, by their names in the header.
 * Every value is widened to a double exactly (each float type is a subset of float64; I64 holds
 * counts such as a batch norm's num_batches_tracked, exact below 2^53). Only {@link #F64} and, for
 * such counts, {@link #I64} are written: WeightLab's weights are doubles and a file must hold them
 * bit for bit.
 */
public enum Dtype {
    F64(8), F32(4), F16(2), BF16(2), I64(8);

    private final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type named {@code name} in a header, or null for a type WeightLab does not read. */
    public static Dtype fromName(String name) {
        for (Dtype d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** The element at {@code offset} of {@code buf}, little-endian, as a double. */
    double decode(byte[] buf, int offset) {
        return switch (this) {
            case F64 -> Double.longBitsToDouble(littleEndian(buf, offset, 8));
            case F32 -> Float.intBitsToFloat((int) littleEndian(buf, offset, 4));
            case F16 -> halfToDouble((int) littleEndian(buf, offset, 2));
            // bfloat16 is the upper half of a float32.
            case BF16 -> Float.intBitsToFloat((int) littleEndian(buf, offset, 2) << 16);
            case I64 -> (double) littleEndian(buf, offset, 8);
        };
    }

    /** IEEE 754 binary16: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits. */
    static double halfToDouble(int bits) {
        int sign = (bits >> 15) & 1;
        int exponent = (bits >> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        double magnitude;
        if (exponent == 0x1f) {
            magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exponent == 0) {
            magnitude = Math.scalb((double) fraction, -24); // subnormal: fraction * 2^-14 / 2^10
        } else {
            magnitude = Math.scalb((double) (fraction | 0x400), exponent - 25);
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    static long littleEndian(byte[] buf, int offset, int count) {
        long v = 0;
        for (int k = count - 1; k >= 0; k--) {
            v = (v << 8) | (buf[offset + k] & 0xffL);
        }
        return v;
    }
}
