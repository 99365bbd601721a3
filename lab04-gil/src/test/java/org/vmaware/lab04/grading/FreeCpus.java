package org.vmaware.lab04.grading;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import org.vmaware.grader.CheckContext;

/**
 * How much parallelism this JVM can get right now, measured rather than read from {@code availableProcessors()}: two
 * threads spin for a while, and their CPU time over the wall time is the number of CPUs they really had (about 2.0
 * on two free cores, about 1.0 with one core busy, 0.5 under a half-CPU quota).
 */
final class FreeCpus {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPUs needed for a check that compares two threads with one. */
    static final double NEEDED = 1.8;

    private FreeCpus() {
    }

    /**
     * CPUs two spinning threads got together: the best of three tries of {@code millis} each, so a moment when the
     * JIT's own threads were busy does not count as a busy machine.
     */
    static double measure(long millis) {
        long started = System.nanoTime();
        double best = 0;
        for (int i = 0; i < 3 && best < NEEDED; i++) {
            best = Math.max(best, once(millis));
        }
        // for the time table (scripts/verdict-times.sh): the probe is part of what a verdict costs
        CheckContext.current().add("free_cpu_probe_ns", System.nanoTime() - started);
        return best;
    }

    private static double once(long millis) {
        long[] cpu = new long[2];
        Thread[] threads = new Thread[2];
        long end = System.nanoTime() + millis * 1_000_000L;
        for (int i = 0; i < 2; i++) {
            int index = i;
            threads[i] = new Thread(() -> {
                long x = 1;
                while (System.nanoTime() < end) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                }
                cpu[index] = THREADS.getCurrentThreadCpuTime() + (x == 42 ? 1 : 0);
            }, "free-cpus-" + i);
            threads[i].setDaemon(true);
        }
        long start = System.nanoTime();
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return (double) (cpu[0] + cpu[1]) / (System.nanoTime() - start);
    }

    static String describe(double cpus) {
        return String.format(Locale.ROOT, "two spinning threads got %.2f CPUs together (%d reported by the JVM)",
                cpus, Runtime.getRuntime().availableProcessors());
    }
}
