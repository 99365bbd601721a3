package org.vmaware.lab04.grading;

/**
 * The tests' own naive sides and answers, written without the code under test. A baseline that a verdict compares
 * against must live here, in the tests: one in a student file could be made slow (or wrong) by the student, and the
 * candidate would then beat it without doing the lesson's work.
 */
final class Baselines {

    private Baselines() {
    }

    /**
     * The countdown's checksum from {@code from} (exclusive) down to {@code to}, in the calling thread: task 4's
     * one-thread side and its answer. The same steps as the given {@code Countdown.checksum}, so the two-thread
     * candidate is timed against the work it splits, not against whatever the student's file does.
     */
    static long countdownChecksum(long from, long to, long salt) {
        long sum = 0;
        for (long n = from; n > to; n--) {
            long y = n ^ salt;
            long high = Math.multiplyHigh(y, 0x9E3779B97F4A7C15L);
            sum += high ^ Math.multiplyHigh(high ^ y, 0xC2B2AE3D27D4EB4FL);
        }
        return sum;
    }
}
