package org.vmaware.lab04;

/**
 * The lecture's countdown, with work the JIT cannot delete: YOUR CODE (lab04, task 4).
 *
 * <p>The lecture counts 50,000,000 down to zero in one thread and in two, and finds two threads no faster (CPython's
 * GIL). In Java a warm {@code while (n > 0) n--;} takes no time at all: the JIT sees that nothing uses the loop and
 * deletes it. So each step here mixes the counter into a checksum that is returned.</p>
 *
 * <p>Each step takes the high halves of two 64-bit products ({@link Math#multiplyHigh}). A CPU computes those one at
 * a time, and no vector instruction computes them, so no rewrite on one thread runs the steps much faster: only a
 * second CPU halves the time. (With a plain multiply, one thread whose loop the JIT vectorized beat the one-thread
 * countdown 1.7x, and "two threads beat one" was won by one thread.)</p>
 * <pre>
 * oneThread(n, salt) == twoThreads(n, salt)   for every n and salt (the checksum does not depend on the order of
 *                                             the halves; the salt, new for each call, makes each checksum new)
 * </pre>
 */
public final class Countdown {

    private Countdown() {
    }

    /** The checksum of the countdown from {@code from} (exclusive) down to {@code to}, salted: GIVEN. */
    public static long checksum(long from, long to, long salt) {
        long sum = 0;
        for (long n = from; n > to; n--) {
            long y = n ^ salt;
            long high = Math.multiplyHigh(y, 0x9E3779B97F4A7C15L);
            sum += high ^ Math.multiplyHigh(high ^ y, 0xC2B2AE3D27D4EB4FL);
        }
        return sum;
    }

    /** GIVEN: the whole countdown in the calling thread. */
    public static long oneThread(long n, long salt) {
        return checksum(n, 0, salt);
    }

    /**
     * Task 4: the same checksum, with the countdown split in two halves counted by two threads at once (start a
     * second thread for one half, count the other half in this one, join, add). Java has no GIL: on two free CPUs
     * this takes about half the time.
     */
    public static long twoThreads(long n, long salt) {
        // TODO task 4: count the two halves in two threads
        return oneThread(n, salt);
    }
}
