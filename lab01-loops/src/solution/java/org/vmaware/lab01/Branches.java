package org.vmaware.lab01;

/**
 * A branch over unpredictable data against branch-free arithmetic: REFERENCE SOLUTION (lab01, task 3).
 *
 * <p>What happens to the branch is the JIT's choice. On the JDKs measured for this lab, C2 sees from its profile that
 * the {@code if} goes either way half the time and compiles it to a conditional move: no misprediction, but one
 * value at a time. The arithmetic version has no control flow at all, so C2 can vectorize it (add 8 or 16 values
 * per instruction), which is where its speed comes from.</p>
 */
public final class Branches {

    private Branches() {
    }

    /** Naive on purpose: an {@code if} on every value. */
    public static int sumAtLeast128WithBranch(int[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] >= 128) {
                sum += bytes[i];
            }
        }
        return sum;
    }

    /** For a value in 0..255, {@code value >>> 7} is 1 exactly when it is at least 128; minus that is the mask. */
    public static int sumAtLeast128BranchFree(int[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            int value = bytes[i];
            sum += value & -(value >>> 7);
        }
        return sum;
    }
}
