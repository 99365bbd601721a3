package org.vmaware.grader.timing;

/** Synthetic CPU work whose cost is proportional to its iteration count: pairs with a known speed-up. */
final class Spin {

    /** Iterations of the cheaper side: about 30 µs. */
    static final int UNIT = 30_000;

    /**
     * A verifier that accepts any answer: the synthetic sides do different amounts of work on purpose, so their
     * answers differ, and these tests are about time alone.
     */
    static final java.util.function.BiPredicate<long[], Object> ANY_ANSWER = (in, out) -> true;

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

    /**
     * One side of a synthetic pair. Both sides must come from here: one lambda class, so both run the same
     * compiled code and differ only in a trip count read at run time. (Two lambdas, one with the compile-time
     * constant UNIT, were compiled into different loops on JDK 25 and ran "2x" pairs at 1.34x.)
     */
    static java.util.function.Function<long[], Long> side(long iterations) {
        return in -> work(in[0], iterations);
    }

    /** A fresh input: an object of its own, so nothing can be cached by identity. */
    static long[] input(java.util.random.RandomGenerator random) {
        return new long[] {random.nextLong()};
    }
}
