package org.vmaware.lab01;

/**
 * A branch over unpredictable data against branch-free arithmetic: YOUR CODE (lab01, task 3).
 *
 * <p>Both methods return the sum of the values of at least 128 among {@code bytes[from]} to {@code bytes[to - 1]},
 * where every value lies in 0..255 (an unsigned byte). The grader's bytes are random, so the branch is taken half
 * the time, at random.</p>
 * <pre>
 * sumAtLeast128WithBranch(new int[] {3, 200, 128, 127}, 0, 4)   = 328
 * sumAtLeast128BranchFree(new int[] {3, 200, 128, 127}, 2, 4)   = 128
 * </pre>
 */
public final class Branches {

    private Branches() {
    }

    /** GIVEN, and naive on purpose: an {@code if} on every value. */
    public static int sumAtLeast128WithBranch(int[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] >= 128) {
                sum += bytes[i];
            }
        }
        return sum;
    }

    /**
     * Task 3: the same sum without {@code if}, {@code ?:} or any comparison: build a mask that is all ones when the
     * value is at least 128 and all zeros otherwise, from the value's bit 7, and add {@code value & mask}.
     */
    public static int sumAtLeast128BranchFree(int[] bytes, int from, int to) {
        // TODO task 3: no branch; arithmetic only
        return sumAtLeast128WithBranch(bytes, from, to);
    }
}
