package org.vmaware.lab01;

import java.util.ArrayList;
import java.util.List;

/**
 * Boxed {@code Integer}s against an {@code int[]}: YOUR CODE (lab01, task 2).
 *
 * <p>Both methods return the sum of the values at {@code from} (inclusive) to {@code to} (exclusive), as a
 * {@code long}. The grader hands out random ranges of one large list and one array holding the same values, so
 * every call asks a fresh question without a fresh 20 MB list.</p>
 * <pre>
 * sumBoxed(List.of(5, -2, 7), 0, 3)          = 10
 * sumPrimitive(new int[] {5, -2, 7}, 1, 3)   = 5
 * sumPrimitive(new int[] {5, -2, 7}, 2, 2)   = 0
 * </pre>
 */
public final class Boxing {

    private Boxing() {
    }

    /**
     * GIVEN, and naive on purpose: every element is an {@code Integer} object somewhere on the heap, reached through
     * a reference and unboxed, which is what CPython does with every integer.
     */
    public static long sumBoxed(List<Integer> values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values.get(i);
        }
        return sum;
    }

    /** Task 2: sum the {@code int[]} directly, with a primitive loop. */
    public static long sumPrimitive(int[] values, int from, int to) {
        // TODO task 2: this boxes every value first, the way CPython holds every int; sum the array itself
        List<Integer> boxed = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            boxed.add(values[i]);
        }
        return sumBoxed(boxed, 0, boxed.size());
    }
}
