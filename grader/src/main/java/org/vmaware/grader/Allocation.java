package org.vmaware.grader;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.timing.Clock;

/**
 * Deterministic cost checks from allocated bytes: they do not depend on the CPU, the load or the clock.
 *
 * <pre>
 * Allocation.bytesPerCall(Baseline::plusLoop, input)          147,000,000 (n = 10,000 pieces of "xyz")
 * Allocation.growth(n -&gt; input(n), Baseline::plusLoop, 4000)  3.97   (quadratic: about 4)
 * Allocation.growth(n -&gt; input(n), builder, 4000)              2.00   (linear: about 2)
 * </pre>
 *
 * <p>Bytes are counted on the calling thread ({@code getCurrentThreadAllocatedBytes}) and cross-checked with all
 * threads together ({@code getTotalThreadAllocatedBytes}): work handed to another thread is counted too. Ratios
 * and growth are asserted, never exact byte counts, since escape analysis and JDK versions move them.</p>
 */
public final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int WARM_UP_CALLS = 5;
    private static final int MEASURED_CALLS = 5;

    private Allocation() {
    }

    /** Whether allocated bytes can be counted on this JVM and thread. */
    public static boolean supported() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.getCurrentThreadAllocatedBytes() >= 0;
    }

    /**
     * The bytes one call allocates: the smallest of five measured calls after five warm-up calls (the warm-up lets
     * the JIT settle; the minimum drops a call that happened to fill a new buffer).
     */
    public static <I> long bytesPerCall(Function<? super I, ?> call, I input) {
        requireSupported();
        if (!THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
        Object sink = null;
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            sink = call.apply(input);
        }
        long[] bytes = new long[MEASURED_CALLS];
        for (int i = 0; i < MEASURED_CALLS; i++) {
            long total = totalBytes();
            long before = THREADS.getCurrentThreadAllocatedBytes();
            sink = call.apply(input);
            long mine = THREADS.getCurrentThreadAllocatedBytes() - before;
            long elsewhere = totalBytes() - total - mine;
            bytes[i] = mine + Math.max(0, elsewhere);
        }
        if (sink == null) {
            bytes[0]++;
        }
        Arrays.sort(bytes);
        return bytes[0];
    }

    /** How many times more bytes the call allocates at 2n than at n. */
    public static <I> double growth(IntFunction<? extends I> inputOfSize, Function<? super I, ?> call, int n) {
        long small = bytesPerCall(call, inputOfSize.apply(n));
        long large = bytesPerCall(call, inputOfSize.apply(2 * n));
        return (double) large / Math.max(1, small);
    }

    /**
     * Checks that the baseline allocates at least {@code factor} times the candidate's bytes on the same input, and
     * records the measurement in the running graded check.
     */
    public static <I> void requireAtMostFractionOf(String name, I input, Function<? super I, ?> baseline,
            Function<? super I, ?> candidate, double factor, String hint) {
        long baselineBytes = bytesPerCall(baseline, input);
        long candidateBytes = bytesPerCall(candidate, input);
        double ratio = (double) baselineBytes / Math.max(1, candidateBytes);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("baseline_bytes", baselineBytes);
        data.put("candidate_bytes", candidateBytes);
        data.put("bytes_ratio", ratio);
        data.put("bytes_ratio_target", factor);
        boolean pass = ratio >= factor;
        CheckContext.current().record(times(ratio) + " less", ">= " + times(factor), pass ? 1 : 0, data);
        if (!pass) {
            throw new AssertionFailedError(String.format(Locale.ROOT,
                    "%s: the baseline allocates %,d bytes per call and yours %,d: %s fewer, needs at least %s."
                            + "%n  hint: %s", name, baselineBytes, candidateBytes, times(ratio), times(factor), hint));
        }
    }

    /**
     * Checks that the call's allocated bytes grow from n to 2n by a factor within [low, high], and records it.
     */
    public static <I> void requireGrowth(String name, IntFunction<? extends I> inputOfSize, Function<? super I, ?> call,
            int n, double low, double high, String hint) {
        double growth = growth(inputOfSize, call, n);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("growth_n", n);
        data.put("bytes_growth", growth);
        data.put("bytes_growth_low", low);
        data.put("bytes_growth_high", high);
        boolean pass = growth >= low && growth <= high;
        String target = low <= 0 ? "<= " + times(high) : high == Double.POSITIVE_INFINITY ? ">= " + times(low)
                : times(low) + " to " + times(high);
        CheckContext.current().record(times(growth) + " growth", target, pass ? 1 : 0, data);
        if (!pass) {
            throw new AssertionFailedError(String.format(Locale.ROOT,
                    "%s: allocated bytes grew %s from n = %,d to n = %,d; needs %s (linear work grows about 2x,"
                            + " quadratic about 4x).%n  hint: %s", name, times(growth), n, 2 * n, target, hint));
        }
    }

    private static long totalBytes() {
        return Clock.allThreadsAllocatedBytes();
    }

    private static void requireSupported() {
        if (!supported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread ("
                    + System.getProperty("java.vm.name") + "); deterministic checks need a HotSpot JVM");
        }
    }

    private static String times(double ratio) {
        return ratio >= 100 ? String.format(Locale.ROOT, "%.0fx", ratio) : String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
