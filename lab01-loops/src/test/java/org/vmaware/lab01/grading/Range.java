package org.vmaware.lab01.grading;

import java.util.random.RandomGenerator;

/**
 * A range {@code [from, to)} of shared data: each timed call gets a fresh one, so a submission that remembers
 * answers gains nothing, while the data itself (up to 20 MB) is built once.
 */
record Range(int from, int to) {

    /** A random range of at least half of {@code size} elements. */
    static Range atLeastHalf(RandomGenerator random, int size) {
        int length = size / 2 + random.nextInt(size - size / 2 + 1);
        int from = random.nextInt(size - length + 1);
        return new Range(from, from + length);
    }

    /** Any range within {@code size}, empty ones included. */
    static Range any(RandomGenerator random, int size) {
        int a = random.nextInt(size + 1);
        int b = random.nextInt(size + 1);
        return new Range(Math.min(a, b), Math.max(a, b));
    }
}
