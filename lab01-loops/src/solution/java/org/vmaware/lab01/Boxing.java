package org.vmaware.lab01;

import java.util.List;

/**
 * Boxed {@code Integer}s against an {@code int[]}: REFERENCE SOLUTION (lab01, task 2).
 *
 * <p>An {@code int[]} is one block of 4-byte values: the loop streams through it, and C2 unrolls it. A
 * {@code List<Integer>} is an array of references to 16-byte objects: each element costs a dependent load and an
 * unboxing, and the objects take four to five times the memory.</p>
 */
public final class Boxing {

    private Boxing() {
    }

    /** Naive on purpose: every element is an {@code Integer} object reached through a reference. */
    public static long sumBoxed(List<Integer> values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values.get(i);
        }
        return sum;
    }

    /** The values themselves, one after the other. */
    public static long sumPrimitive(int[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }
}
