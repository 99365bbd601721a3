package org.vmaware.lab04;

import java.util.concurrent.locks.LockSupport;

/**
 * Red team 18: one thread, 1.3x faster than the tests' countdown (the first high product from a table and a carry
 * over aligned blocks, the second from 32-bit halves in small loops C2 vectorizes), plus a thread that only spins
 * while twoThreads runs. It kept two CPUs busy and passed 4b 3 of 3 times with 4b asking only for busy CPUs; a call
 * took 1.52 to 1.54 times the one-thread countdown's CPU time, which 4b now refuses above 1.15.
 */
public final class Countdown {

    private static final long C1 = 0x9E3779B97F4A7C15L, C2 = 0xC2B2AE3D27D4EB4FL, M = 0xFFFFFFFFL;
    private static final long C2L = C2 & M, C2H = C2 >>> 32;
    private static final int B = 1024;
    private static final long[] IDX = new long[B], TL = new long[B], TH = new long[B];
    private static final long[] H = new long[B], Z = new long[B], U = new long[B], R = new long[B], ACC = new long[B];
    static {
        for (int i = 0; i < B; i++) {
            IDX[i] = i;
            TL[i] = i * C1;
            TH[i] = Math.multiplyHigh((long) i, C1);
        }
    }

    private static volatile boolean active;
    private static volatile long sink;
    private static final Thread BURNER = new Thread(() -> {
        long x = 1;
        while (true) {
            while (!active) {
                LockSupport.park();
            }
            while (active) {
                x ^= x << 13;
                x ^= x >>> 7;
            }
            sink = x;
        }
    }, "burner");
    static {
        BURNER.setDaemon(true);
        BURNER.start();
    }

    private Countdown() {
    }

    public static long checksum(long from, long to, long salt) {
        long sum = 0;
        for (long n = from; n > to; n--) {
            long y = n ^ salt;
            long high = Math.multiplyHigh(y, 0x9E3779B97F4A7C15L);
            sum += high ^ Math.multiplyHigh(high ^ y, 0xC2B2AE3D27D4EB4FL);
        }
        return sum;
    }

    public static long oneThread(long n, long salt) {
        return checksum(n, 0, salt);
    }

    public static synchronized long twoThreads(long n, long salt) {
        active = true;
        LockSupport.unpark(BURNER);
        try {
            return vec(n, salt);
        } finally {
            active = false;
        }
    }

    private static long vec(long from, long salt) {
        long[] acc = ACC;
        java.util.Arrays.fill(acc, 0);
        long sum = 0;
        long lowEnd = Math.min(from, B - 1);
        sum += checksum(lowEnd, 0, salt);
        long fullHi = (from + 1) & ~(long) (B - 1);
        for (long nb = B; nb < fullHi; nb += B) {
            long yb = (nb ^ salt) & ~(long) (B - 1);
            la(yb);
            l1();
            l2();
            l4();
        }
        for (int i = 0; i < B; i++) {
            sum += acc[i];
        }
        if (fullHi > lowEnd) {
            sum += checksum(from, Math.max(fullHi - 1, lowEnd), salt);
        }
        return sum;
    }

    // the block's first products from a table of i * C1, added to yb * C1 with a carry: no multiply
    private static void la(long yb) {
        long[] ha = H, za = Z;
        long hi0 = Math.multiplyHigh(yb, C1), lo0 = yb * C1;
        long[] tl = TL, th = TH, idx = IDX;
        for (int i = 0; i < B; i++) {
            long t = tl[i];
            long lo = lo0 + t;
            long hh = hi0 + th[i] + (((lo0 & t) | ((lo0 | t) & ~lo)) >>> 63);
            ha[i] = hh;
            za[i] = hh ^ (yb + idx[i]);
        }
    }

    // the second high product from 32-bit halves, small loops that C2 unrolls and vectorizes
    private static void l1() {
        long[] xa = Z, ua = U;
        for (int i = 0; i < B; i++) {
            long x = xa[i];
            ua[i] = (x >>> 32) * C2L + (((x & M) * C2L) >>> 32);
        }
    }

    private static void l2() {
        long[] xa = Z, ua = U, ra = R;
        for (int i = 0; i < B; i++) {
            long x = xa[i];
            long uu = ua[i];
            long v = (x & M) * C2H + (uu & M);
            ra[i] = (x >>> 32) * C2H + (uu >>> 32) + (v >>> 32) - ((x >> 63) & C2) - x;
        }
    }

    private static void l4() {
        long[] ha = H, ra = R, acc = ACC;
        for (int i = 0; i < B; i++) {
            acc[i] += ha[i] ^ ra[i];
        }
    }
}
