package org.vmaware.lab04;

/**
 * The lecture's countdown, with work the JIT cannot delete: REFERENCE SOLUTION (lab04, task 4).
 *
 * <p>The lecture counts 50,000,000 down to zero in one thread and in two, and finds two threads no faster (CPython's
 * GIL). In Java a warm {@code while (n > 0) n--;} takes no time at all: the JIT sees that nothing uses the loop and
 * deletes it. So each step here mixes the counter into a checksum that is returned.</p>
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

    /** The upper half in a second thread, the lower half in this one: addition does not care about the order. */
    public static long twoThreads(long n, long salt) {
        long half = n / 2;
        long[] upper = new long[1];
        Thread helper = new Thread(() -> upper[0] = checksum(n, half, salt), "countdown-upper-half");
        helper.start();
        long lower = checksum(half, 0, salt);
        try {
            helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other half", e);
        }
        return upper[0] + lower;
    }
}
