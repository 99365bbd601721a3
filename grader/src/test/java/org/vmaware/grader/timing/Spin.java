package org.vmaware.grader.timing;

/** Synthetic CPU work whose cost is proportional to its iteration count: pairs with a known speed-up. */
final class Spin {

    /** Iterations of the cheaper side: about 30 µs. */
    static final int UNIT = 30_000;

    private Spin() {
    }

    /** An xorshift loop the JIT cannot remove: its result depends on every iteration. */
    static long work(long seed, long iterations) {
        long x = seed | 1;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** A fresh input: an object of its own, so nothing can be cached by identity. */
    static long[] input(java.util.SplittableRandom random) {
        return new long[] {random.nextLong()};
    }
}
