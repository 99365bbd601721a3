package org.vmaware.lab04.grading;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.KeyedRandom;
import org.vmaware.lab04.Gil;
import org.vmaware.lab04.NewGil;
import org.vmaware.lab04.OldGil;

/**
 * An interpreter that runs ticks under a GIL: a CPU-bound thread that never blocks, and an I/O thread that sleeps a
 * millisecond, then needs the GIL for one tick. Measures the I/O thread's waits for the GIL and the requests it
 * served, and checks on every tick that no other thread holds the GIL too.
 */
final class GilExperiment {

    private static final KeyedRandom NAMES = GradingSettings.current().random("gil thread names");

    /**
     * A thread's name that says nothing of its part: a GIL that told the I/O thread from the CPU-bound one by name
     * could favour it only while it is measured (red team 8).
     */
    private static synchronized String anonymousName() {
        return "gil-" + Long.toHexString(NAMES.nextLong());
    }

    /** One tick of "interpreter" work, about a microsecond; its result is kept so the JIT cannot drop it. */
    static long tick(long state) {
        long x = state;
        for (int i = 0; i < 200; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** What one run measured. */
    record Result(int served, double medianWaitMicros, double p99WaitMicros, double maxWaitMicros, int maxHolders,
            long sink) {
        String describe() {
            return String.format(Locale.ROOT, "served %d requests, wait median %.0f µs, p99 %.0f µs, longest %.0f µs,"
                    + " max holders %d", served, medianWaitMicros, p99WaitMicros, maxWaitMicros, maxHolders);
        }
    }

    /** Runs the CPU thread and the I/O thread under {@code gil} for {@code millis}. */
    static Result ioBesideCpu(Gil gil, long millis) throws InterruptedException {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger maxHolders = new AtomicInteger();
        long[] sink = new long[1];
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Thread cpu = new Thread(() -> {
            gil.acquire();
            long state = 1;
            while (System.nanoTime() < end) {
                int now = holders.incrementAndGet();
                maxHolders.accumulateAndGet(now, Math::max);
                state = tick(state);
                holders.decrementAndGet();
                gil.tick();
            }
            gil.release();
            sink[0] = state;
        }, anonymousName());
        cpu.setDaemon(true);
        long[] waits = new long[(int) millis + 10];
        int[] served = new int[1];
        // when the I/O thread last asked, or 0 while it holds the GIL or sleeps: a wait the run's end cut off counts
        AtomicLong asking = new AtomicLong();
        Thread io = new Thread(() -> {
            long state = 2;
            while (System.nanoTime() < end && served[0] < waits.length) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                long asked = System.nanoTime();
                asking.set(asked);
                gil.acquire();
                asking.set(0);
                waits[served[0]++] = System.nanoTime() - asked;
                int now = holders.incrementAndGet();
                maxHolders.accumulateAndGet(now, Math::max);
                state = tick(state);
                holders.decrementAndGet();
                gil.release();
            }
            sink[0] += state;
        }, anonymousName());
        io.setDaemon(true);
        cpu.start();
        io.start();
        long stillWaiting = 0;
        // the run's end, or later if the I/O thread is still waiting then: its wait so far is the longest one
        io.join(millis + 10);
        long askedAtEnd = asking.get();
        if (askedAtEnd != 0) {
            stillWaiting = System.nanoTime() - askedAtEnd;
        }
        io.join(millis + 10_000);
        cpu.join(millis + 10_000);
        long[] measured = Arrays.copyOf(waits, served[0]);
        Arrays.sort(measured);
        double median = measured.length == 0 ? Double.NaN : measured[measured.length / 2] / 1000.0;
        double p99 = measured.length == 0 ? Double.NaN : measured[(int) Math.min(measured.length - 1, Math.floor(0.99 * measured.length))] / 1000.0;
        double longest = Math.max(stillWaiting, measured.length == 0 ? 0 : measured[measured.length - 1]) / 1000.0;
        return new Result(served[0], median, p99, longest, maxHolders.get(), sink[0]);
    }

    /**
     * How many times the GIL passed from one to the other of two CPU-bound threads that run ticks under it for
     * {@code millis}: counted by the holder at each tick, so only a real change of holder counts.
     */
    static int handOvers(Gil gil, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Thread[] lastHolder = new Thread[1];
        int[] changes = new int[1];
        long[] sink = new long[2];
        Thread[] workers = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                Thread me = Thread.currentThread();
                gil.acquire();
                long state = index + 1;
                while (System.nanoTime() < end) {
                    synchronized (lastHolder) {
                        if (lastHolder[0] != me) {
                            lastHolder[0] = me;
                            changes[0]++;
                        }
                    }
                    state = tick(state);
                    gil.tick();
                }
                gil.release();
                sink[index] = state;
            }, anonymousName());
            workers[t].setDaemon(true);
        }
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(millis + 10_000);
        }
        synchronized (lastHolder) {
            // the first holder's taking is no hand-over
            return Math.max(0, changes[0] - 1) + (sink[0] == 42 ? 1 : 0);
        }
    }

    /** Nanoseconds for {@code threads} threads to run {@code ticks} ticks between them under {@code gil}. */
    static long cpuBound(Gil gil, int threads, int ticks) throws InterruptedException {
        Thread[] workers = new Thread[threads];
        long[] sink = new long[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                gil.acquire();
                long state = index + 1;
                for (int i = 0; i < ticks / threads; i++) {
                    state = tick(state);
                    gil.tick();
                }
                gil.release();
                sink[index] = state;
            }, anonymousName());
            workers[t].setDaemon(true);
        }
        long start = System.nanoTime();
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        return System.nanoTime() - start + (sink[0] == 42 ? 1 : 0);
    }

    /** Prints 15 runs of the new GIL at the checks' switch interval, then one of the old GIL: the figures in Rubric. */
    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 15; i++) {
            System.out.println("new: " + ioBesideCpu(new NewGil(Rubric.SWITCH_INTERVAL_MICROS), 1000).describe());
        }
        System.out.println("old: " + ioBesideCpu(new OldGil(100), 1000).describe());
    }
}
