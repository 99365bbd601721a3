package org.vmaware.lab04;

/**
 * Red team 17: twoThreads starts no thread. It counts the whole countdown in the calling thread, 1,024 steps at a
 * time over an array of offsets, a loop shape C2's SuperWord vectorizes: with the old step (one plain multiply)
 * this one thread beat the tests' one-thread countdown 1.7x on AVX-512 and won "two threads beat one". Now each
 * step takes two high halves of products, which no vector instruction computes, and 4b also asks the verdict how
 * many CPUs the candidate kept busy.
 */
public final class Countdown {

    private static final int CHUNK = 1024;
    private static final long[] OFFSETS = new long[CHUNK];

    static {
        for (int i = 0; i < CHUNK; i++) {
            OFFSETS[i] = i;
        }
    }

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

    /** Not two threads: the same countdown in the calling thread, in chunks over an offsets array. */
    public static long twoThreads(long n, long salt) {
        long sum = 0;
        long at = n;
        long[] off = OFFSETS;
        while (at >= CHUNK) {
            long b = at;
            long s = 0;
            for (int i = 0; i < CHUNK; i++) {
                long y = (b - off[i]) ^ salt;
                long high = Math.multiplyHigh(y, 0x9E3779B97F4A7C15L);
                s += high ^ Math.multiplyHigh(high ^ y, 0xC2B2AE3D27D4EB4FL);
            }
            sum += s;
            at -= CHUNK;
        }
        return sum + checksum(at, 0, salt);
    }
}
