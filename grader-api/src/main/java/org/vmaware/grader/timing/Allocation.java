package org.vmaware.grader.timing;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.CheckContext;

/**
 * Deterministic cost checks from allocated bytes: they do not depend on the CPU, the load or the clock.
 *
 * <pre>
 * Allocation.bytesPerCall(i -&gt; input(10_000, i), Baseline::plusLoop)     147,000,000 (10,000 pieces of "xyz")
 * Allocation.growth((n, i) -&gt; input(n, i), Baseline::plusLoop, 4000)      3.97   (quadratic: about 4)
 * Allocation.growth((n, i) -&gt; input(n, i), builder, 4000)                  2.00   (linear: about 2)
 * </pre>
 *
 * <p>Every call, warm-up included, gets a fresh input: {@code inputs.apply(i)} makes the i-th, a new object each
 * time, so a cache keyed by the input (its identity or its value) never serves a measured call. Where the checks
 * compare with a baseline or take a verifier, every call's result is checked too, so a cheap wrong answer on some
 * calls is a wrong answer, not a saving. A call's cost is the median of the measured calls, not the smallest, and
 * calls that differ by more than 2x fail with "allocation depends on the calling pattern": honest code allocates
 * alike for inputs of one shape.</p>
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
    /** The most the measured calls may differ by, as a factor; below {@link #PATTERN_SLACK_BYTES} it is noise. */
    private static final double PATTERN_FACTOR = 2.0;
    private static final long PATTERN_SLACK_BYTES = 1024;

    private Allocation() {
    }

    /**
     * Inputs of a given size, a fresh object at every call.
     *
     * @param <I> the input type
     */
    @FunctionalInterface
    public interface SizedInputs<I> {
        /** The {@code call}-th input of size {@code n}: the same value for the same arguments, a new object each time. */
        I input(int n, int call);
    }

    /** Whether allocated bytes can be counted on this JVM and thread. */
    public static boolean supported() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.getCurrentThreadAllocatedBytes() >= 0;
    }

    /**
     * The bytes one call allocates: the median of five measured calls after five warm-up calls (the warm-up lets
     * the JIT settle), each on a fresh input. No result is checked: for observations, not for points.
     *
     * @throws AssertionFailedError if the measured calls differ by more than 2x
     */
    public static <I> long bytesPerCall(IntFunction<? extends I> inputs, Function<? super I, ?> call) {
        return bytesPerCall("the call", inputs, call, (i, input, result) -> { });
    }

    /**
     * As {@link #bytesPerCall(IntFunction, Function)}, every result checked by {@code verifier}.
     *
     * @throws AssertionFailedError on a wrong answer, or if the measured calls differ by more than 2x
     */
    public static <I, O> long bytesPerCall(String name, IntFunction<? extends I> inputs,
            Function<? super I, ? extends O> call, BiPredicate<? super I, ? super O> verifier) {
        return bytesPerCall(name, inputs, call, (i, input, result) -> {
            if (!verifier.test(input, result)) {
                throw wrongAnswer(name, input, "an answer the check's verifier accepts", result);
            }
        });
    }

    /** How many times more bytes the call allocates at 2n than at n, on fresh inputs, results unchecked. */
    public static <I> double growth(SizedInputs<? extends I> inputs, Function<? super I, ?> call, int n) {
        long small = bytesPerCall(i -> inputs.input(n, i), call);
        long large = bytesPerCall(i -> inputs.input(2 * n, i), call);
        return (double) large / Math.max(1, small);
    }

    /**
     * Checks that the baseline allocates at least {@code factor} times the candidate's bytes on the same inputs,
     * each candidate result equal to the baseline's for the same input, and records the measurement in the running
     * graded check.
     *
     * @param inputs the i-th input, a new object at every call (both sides get the same values)
     */
    public static <I, O> void requireAtMostFractionOf(String name, IntFunction<? extends I> inputs,
            Function<? super I, ? extends O> baseline, Function<? super I, ? extends O> candidate, double factor,
            String hint) {
        Object[] expected = new Object[WARM_UP_CALLS + MEASURED_CALLS];
        long baselineBytes = bytesPerCall(name + " (baseline)", inputs, baseline, (i, input, result) -> expected[i] = result);
        long candidateBytes = bytesPerCall(name, inputs, candidate, (i, input, result) -> {
            if (!Objects.equals(expected[i], result)) {
                throw wrongAnswer(name, input, abbreviate(expected[i]), result);
            }
        });
        requireFraction(name, baselineBytes, candidateBytes, factor, hint);
    }

    /**
     * A baseline's bytes per call on {@code inputs}, measured once, for several candidates to be compared with
     * ({@link #requireAtMostFractionOf(String, IntFunction, Measured, Function, BiPredicate, double, String)}): a
     * slow naive side is then paid for once per JVM, not once per check. Its answers are not kept: each candidate
     * is compared on inputs of its own, of the same shape, and checked by a verifier.
     */
    public static <I> Measured measure(String name, IntFunction<? extends I> inputs, Function<? super I, ?> baseline) {
        return new Measured(bytesPerCall(name, inputs, baseline, (i, input, result) -> { }));
    }

    /**
     * A baseline measured by {@link #measure}.
     *
     * @param bytesPerCall the median bytes per measured call
     */
    public record Measured(long bytesPerCall) {
    }

    /**
     * Checks that a baseline measured before allocates at least {@code factor} times the candidate's bytes on inputs
     * of the same shape (new values: a cache keyed by value gains nothing), each candidate result accepted by
     * {@code verifier}, and records the measurement in the running graded check.
     */
    public static <I, O> void requireAtMostFractionOf(String name, IntFunction<? extends I> inputs, Measured baseline,
            Function<? super I, ? extends O> candidate, BiPredicate<? super I, ? super O> verifier, double factor,
            String hint) {
        long candidateBytes = bytesPerCall(name, inputs, candidate, (i, input, result) -> {
            if (!verifier.test(input, result)) {
                throw wrongAnswer(name, input, "an answer the check's verifier accepts", result);
            }
        });
        requireFraction(name, baseline.bytesPerCall(), candidateBytes, factor, hint);
    }

    private static void requireFraction(String name, long baselineBytes, long candidateBytes, double factor,
            String hint) {
        double ratio = (double) baselineBytes / Math.max(1, candidateBytes);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("baseline_bytes", baselineBytes);
        data.put("candidate_bytes", candidateBytes);
        data.put("bytes_ratio", ratio);
        data.put("bytes_ratio_target", factor);
        boolean pass = ratio >= factor;
        // "5.0x more", never "0.20x less": a student reads a factor above one
        String measured = ratio >= 1 ? times(ratio) + " less" : times(1 / ratio) + " more";
        CheckContext.current().record(measured, ">= " + times(factor) + " less", pass ? 1 : 0, data);
        if (!pass) {
            throw new AssertionFailedError(String.format(Locale.ROOT,
                    "%s: the baseline allocates %,d bytes per call and yours %,d: %s, needs %s less at least."
                            + "%n  hint: %s", name, baselineBytes, candidateBytes,
                    ratio >= 1 ? times(ratio) + " less" : times(1 / ratio) + " more", times(factor), hint));
        }
    }

    /**
     * Checks that the call's allocated bytes grow from n to 2n by a factor within [low, high], every result checked
     * by {@code verifier}, and records it.
     */
    public static <I, O> void requireGrowth(String name, SizedInputs<? extends I> inputs,
            Function<? super I, ? extends O> call, BiPredicate<? super I, ? super O> verifier, int n, double low,
            double high, String hint) {
        long small = bytesPerCall(name, i -> inputs.input(n, i), call, verifier);
        long large = bytesPerCall(name, i -> inputs.input(2 * n, i), call, verifier);
        double growth = (double) large / Math.max(1, small);
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

    /** What is done with each call's result, outside the measured region. */
    private interface ResultCheck<I, O> {
        void check(int call, I input, O result);
    }

    private static <I, O> long bytesPerCall(String name, IntFunction<? extends I> inputs,
            Function<? super I, ? extends O> call, ResultCheck<? super I, ? super O> check) {
        requireSupported();
        if (!THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
        long[] bytes = new long[MEASURED_CALLS];
        for (int i = 0; i < WARM_UP_CALLS + MEASURED_CALLS; i++) {
            I input = inputs.apply(i); // made before the counters are read: its bytes are not the call's
            long total = totalBytes();
            long before = THREADS.getCurrentThreadAllocatedBytes();
            O result = call.apply(input);
            long mine = THREADS.getCurrentThreadAllocatedBytes() - before;
            long elsewhere = totalBytes() - total - mine;
            check.check(i, input, result);
            if (i >= WARM_UP_CALLS) {
                bytes[i - WARM_UP_CALLS] = mine + Math.max(0, elsewhere);
            }
        }
        long[] sorted = bytes.clone();
        Arrays.sort(sorted);
        long smallest = sorted[0];
        long largest = sorted[MEASURED_CALLS - 1];
        if (largest > PATTERN_FACTOR * smallest && largest - smallest > PATTERN_SLACK_BYTES) {
            throw new AssertionFailedError(String.format(Locale.ROOT, "%s: allocation depends on the calling pattern:"
                    + " %d calls on fresh inputs of one shape allocated %s bytes, more than %.0fx apart. Code that"
                    + " does the same work for every input allocates alike.", name, MEASURED_CALLS,
                    Arrays.toString(bytes), PATTERN_FACTOR));
        }
        return sorted[MEASURED_CALLS / 2];
    }

    private static AssertionFailedError wrongAnswer(String name, Object input, String expected, Object actual) {
        return new AssertionFailedError(String.format(Locale.ROOT, "%s: wrong answer on input %s: expected %s, got %s."
                + " Bytes mean nothing for a wrong answer: fix correctness first.", name, abbreviate(input), expected,
                abbreviate(actual)));
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "... (" + text.length() + " chars)" : text;
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
