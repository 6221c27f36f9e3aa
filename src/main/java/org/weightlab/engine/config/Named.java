package org.weightlab.engine.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant with the exact name used in scenario files (DESIGN 5). */
public interface Named {
    /** The name as written in files, e.g. {@code "leaky_relu"}. */
    String id();

    /** Finds the constant whose {@link #id()} is {@code id}, or explains which names are allowed. */
    static <E extends Enum<E> & Named> E parse(Class<E> type, String what, String id) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Named::id)
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown " + what + " \"" + id + "\" (expected one of: " + allowed + ")");
    }
}
