package org.vmaware.grader.timing;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The clocks the engine reads. Per-thread CPU time is the default: another process or thread busy on the same
 * machine barely moves it, where wall time would absorb every pause. Wall time is for checks whose point is
 * threads. Process CPU time cross-checks the thread clock, since a "fast" side that hands its work to other
 * threads cuts only its own thread's CPU time.
 */
public enum Clock {
    /** CPU time of the measuring thread ({@code ThreadMXBean.getCurrentThreadCpuTime}). */
    THREAD_CPU,
    /** Elapsed time ({@code System.nanoTime}). */
    WALL;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final com.sun.management.ThreadMXBean HOTSPOT_THREADS =
            THREADS instanceof com.sun.management.ThreadMXBean ? (com.sun.management.ThreadMXBean) THREADS : null;
    private static final MethodHandle TOTAL_ALLOCATED = totalAllocatedBytes();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static volatile long granularity = -1;

    static {
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    /** This clock's reading in nanoseconds. */
    public long now() {
        return this == WALL ? System.nanoTime() : THREADS.getCurrentThreadCpuTime();
    }

    /** Whether this clock can be read here (per-thread CPU time is missing on virtual threads and some JVMs). */
    public boolean available() {
        return this == WALL || (THREADS.isCurrentThreadCpuTimeSupported() && THREADS.getCurrentThreadCpuTime() >= 0);
    }

    /** Bytes allocated so far by the calling thread, or 0 where the JVM cannot count them. */
    public static long threadAllocatedBytes() {
        if (HOTSPOT_THREADS == null) {
            return 0;
        }
        return Math.max(0, HOTSPOT_THREADS.getCurrentThreadAllocatedBytes());
    }

    /**
     * Bytes allocated so far by all threads together (ended ones included where the JVM can), or 0 where the JVM
     * cannot count them. {@code getTotalThreadAllocatedBytes} is not part of the Java 17 API (JDK 17 updates added
     * it later), so it is looked up at run time; without it, the live threads' counters are summed.
     */
    public static long allThreadsAllocatedBytes() {
        if (HOTSPOT_THREADS == null) {
            return 0;
        }
        if (TOTAL_ALLOCATED != null) {
            try {
                return Math.max(0, (long) TOTAL_ALLOCATED.invokeExact(HOTSPOT_THREADS));
            } catch (UnsupportedOperationException e) {
                return 0;
            } catch (Throwable e) {
                throw new IllegalStateException("could not read all threads' allocated bytes", e);
            }
        }
        long sum = 0;
        for (long bytes : HOTSPOT_THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    private static MethodHandle totalAllocatedBytes() {
        try {
            return MethodHandles.publicLookup().findVirtual(com.sun.management.ThreadMXBean.class,
                    "getTotalThreadAllocatedBytes", MethodType.methodType(long.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    /**
     * Milliseconds the JIT has spent compiling in this JVM, over every compile finished so far; 0 where the JVM has
     * no JIT ({@code -Xint}) or does not count it. Warm-up reads it to see the JIT go quiet.
     */
    static long jitMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }

    /** Threads started in this JVM so far (exact). */
    static long threadsStarted() {
        return THREADS.getTotalStartedThreadCount();
    }

    /** Live Java threads now (exact): with {@link #threadsStarted()}, how many ended between two readings. */
    static long liveThreads() {
        return THREADS.getThreadCount();
    }

    /**
     * CPU time of all live Java threads together, in nanoseconds (per-thread clocks: exact, unlike the process
     * clock), and in {@code mine[0]} the part of it that is thread {@code myId}'s, read in the same pass. Threads
     * that have ended, the GC's and the JIT's are not in it.
     *
     * <p>Why the measuring thread's own part from the same pass: other threads' CPU is the sum less that part. Taken
     * instead as the sum less the thread's own clock over its batch, two clocks read at different moments, it was
     * off by 2 µs a batch and now and then by 30 µs, a whole share of a 10 µs batch: in one busy campaign verdict
     * the median round showed "other threads" 149% busier beside lab01's naive 3b than beside the reference, where
     * no other thread ran, and the reference failed as interfered with (engine 6.2.0).</p>
     */
    static long liveThreadsCpu(long myId, long[] mine) {
        long[] ids = THREADS.getAllThreadIds();
        long[] times = HOTSPOT_THREADS != null ? HOTSPOT_THREADS.getThreadCpuTime(ids) : null;
        long sum = 0;
        mine[0] = 0;
        for (int i = 0; i < ids.length; i++) {
            long t = Math.max(0, times != null ? times[i] : THREADS.getThreadCpuTime(ids[i]));
            sum += t;
            if (ids[i] == myId) {
                mine[0] = t;
            }
        }
        return sum;
    }

    /**
     * CPU time of the whole process in nanoseconds, all threads together. On Linux it advances in 10 ms ticks:
     * good for totals over many rounds, not for one batch.
     */
    public static long processCpu() {
        return OS.getProcessCpuTime();
    }

    /**
     * Makes the engine see a thread clock of this step, as a coarse clock would probe: for the engine's tests of the
     * wall-time fallback. {@code -1} probes the real clock again.
     */
    static void assumeStep(long nanos) {
        granularity = nanos;
    }

    /**
     * The thread CPU clock's smallest step in nanoseconds, probed once: about 1 µs on Linux, 15.6 ms on some
     * Windows machines. Batches are sized to many steps of it.
     */
    public static long threadCpuGranularity() {
        long known = granularity;
        if (known > 0) {
            return known;
        }
        long smallest = Long.MAX_VALUE;
        for (int probe = 0; probe < 5; probe++) {
            long start = THREADS.getCurrentThreadCpuTime();
            long next;
            long spins = 0;
            do {
                next = THREADS.getCurrentThreadCpuTime();
                spins++;
            } while (next == start && spins < 50_000_000L);
            if (next > start) {
                smallest = Math.min(smallest, next - start);
            }
        }
        granularity = smallest == Long.MAX_VALUE ? 1_000_000L : Math.max(1, smallest);
        return granularity;
    }
}
