package org.vmaware.lab04;

/**
 * Red team 9 (variant without equalizing spin): twoThreads is the starter's one-thread countdown. A helper thread makes the JVM's garbage collector
 * stop the world while the tests' one-thread side runs (and spins harmlessly while twoThreads runs), so by wall time
 * the naive side looks slower. GC work runs on the VM thread, which is no Java thread: the engine's "other threads'
 * CPU" sums do not see it.
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

    private static volatile boolean inCall;
    private static volatile long lastEnd;
    private static boolean started;
    static volatile Object sink;
    static volatile long spins;

    /** Task 4, not done: one thread, as the starter. */
    public static long twoThreads(long n, long salt) {
        if (n >= 50_000_000L) {
            startHelper();
        }
        inCall = true;
        try {
            return oneThread(n, salt);
        } finally {
            lastEnd = System.nanoTime();
            inCall = false;
        }
    }

    private static synchronized void startHelper() {
        if (started) {
            return;
        }
        started = true;
        lastEnd = System.nanoTime();
        Thread t = new Thread(Countdown::helper, "worker");
        t.setDaemon(true);
        t.start();
    }

    private static void helper() {
        long max = Runtime.getRuntime().maxMemory();
        // many small live objects: every full collection has to mark and move them all
        int nodes = (int) (max / 5 / 32);
        Object[] ballast = new Object[nodes];
        for (int i = 0; i < nodes; i++) {
            ballast[i] = new long[2];
        }
        // larger than the young generation's eden: allocated in the old generation, where it forces a full GC
        int big = (int) (max * 0.3 / 8);
        long s = 0;
        while (inCall || System.nanoTime() - lastEnd < 3_000_000_000L) {
            if (inCall) {
                Thread.onSpinWait();
                try {
                    Thread.sleep(1); // rest beside twoThreads: no CPU there
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            sink = new long[big];
            sink = null;
            try {
                Thread.sleep(20); // little Java CPU beside the naive side either: the pause is the VM thread's
            } catch (InterruptedException e) {
                return;
            }
        }
        spins = s;
        ballast[0] = null;
    }
}
