package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class AllocationTest {

    /** A fresh input per call, its value drawn from the call's number: each one a new object. */
    private static final int N = 2_000;

    /** The i-th input: N characters that differ from call to call, so no cache by value serves another. */
    private static StringBuilder input(int n, int call) {
        StringBuilder text = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            text.append((char) ('a' + (i * 31 + call * 7) % 26));
        }
        return text;
    }

    /** Quadratic on purpose: a copy per character, as += does. */
    private static String naive(StringBuilder in) {
        String s = "";
        for (int i = 0; i < in.length(); i++) {
            s += in.charAt(i);
        }
        return s;
    }

    private static String linear(StringBuilder in) {
        return in.toString();
    }

    private static void requireFarLess(Function<StringBuilder, String> candidate) {
        Allocation.requireAtMostFractionOf("candidate", i -> input(N, i), AllocationTest::naive, candidate, 100,
                "allocate less");
    }

    @Test
    void countsTheBytesOfOneCall() {
        long bytes = Allocation.bytesPerCall(i -> 10_000 + i % 2, (Integer n) -> new byte[n]);
        assertTrue(bytes >= 10_000 && bytes <= 10_100, "a 10,000-byte array allocated " + bytes);
    }

    @Test
    void sameCallSameBytes() {
        long first = Allocation.bytesPerCall(i -> input(5_000, i), AllocationTest::linear);
        long second = Allocation.bytesPerCall(i -> input(5_000, i + 100), AllocationTest::linear);
        assertTrue(Math.abs(first - second) <= 64, first + " vs " + second);
    }

    @Test
    void anHonestLinearCandidatePasses() {
        requireFarLess(AllocationTest::linear);
    }

    @Test
    void growthTellsQuadraticFromLinear() {
        double quadratic = Allocation.growth(AllocationTest::input, AllocationTest::naive, 2_000);
        double linear = Allocation.growth(AllocationTest::input, AllocationTest::linear, 2_000);
        assertTrue(quadratic > 3.5 && quadratic < 4.5, "quadratic grew " + quadratic);
        assertTrue(linear > 1.7 && linear < 2.3, "linear grew " + linear);
    }

    @Test
    void anIdentityCacheGainsNothing() {
        Map<StringBuilder, String> cache = new IdentityHashMap<>();
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> requireFarLess(in -> cache.computeIfAbsent(in, AllocationTest::naive)));
        assertTrue(error.getMessage().contains(", needs 100x less at least"), error::getMessage);
    }

    @Test
    void aCacheByValueGainsNothing() {
        Map<String, String> cache = new HashMap<>();
        assertThrows(AssertionFailedError.class, () -> requireFarLess(in -> cache.computeIfAbsent(in.toString(),
                key -> naive(in))));
    }

    @Test
    void aCheapWrongAnswerOnOneCallInFiveFails() {
        int[] calls = {0};
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> requireFarLess(in -> ++calls[0] % 5 == 0 ? "" : naive(in)));
        assertTrue(error.getMessage().contains("candidate: wrong answer on input"), error::getMessage);
    }

    @Test
    void honestOnlyOnTheFirstCallFails() {
        int[] calls = {0};
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> requireFarLess(in -> ++calls[0] == 1 ? naive(in) : "x"));
        assertTrue(error.getMessage().contains("wrong answer on input"), error::getMessage);
    }

    @Test
    void aRightAnswerThatIsCheapOnSomeCallsDependsOnTheCallingPattern() {
        // right every time, but expensive only on every other call: the median alone could be fooled
        int[] calls = {0};
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> Allocation.bytesPerCall("pattern",
                i -> input(N, i), in -> ++calls[0] % 2 == 0 ? naive(in) : linear(in),
                (in, out) -> out.contentEquals(in)));
        assertTrue(error.getMessage().contains("allocation depends on the calling pattern"), error::getMessage);
    }

    @Test
    void bytesAllocatedOnAnotherThreadAreCounted() throws Exception {
        ExecutorService helper = Executors.newSingleThreadExecutor();
        try {
            long bytes = Allocation.bytesPerCall(i -> 1_000_000, (Integer n) -> {
                try {
                    return helper.submit(() -> new byte[n]).get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(bytes >= 1_000_000, "a 1 MB array made on a helper thread counted " + bytes);
        } finally {
            helper.shutdownNow();
        }
    }

    @Test
    void moreBytesThanTheBaselineReadAsMore() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> Allocation.requireAtMostFractionOf(
                "more", i -> 1000, (Integer n) -> new byte[n].length, (Integer n) -> new byte[5 * n].length / 5, 100,
                "allocate less"));
        assertTrue(error.getMessage().matches("(?s).*: [45]\\.\\d\\dx more, needs 100x less.*"), error::getMessage);
    }

    @Test
    void failingRatioSaysWhatWasMeasured() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> Allocation.requireAtMostFractionOf(
                "same", i -> 1000, (Integer n) -> new byte[n].length, (Integer n) -> new byte[n].length, 100,
                "allocate less"));
        assertTrue(error.getMessage().contains("yours 1,032: 1.00x less, needs 100x less"), error::getMessage);
        assertTrue(error.getMessage().contains("allocate less"), error::getMessage);
    }

    @Test
    void growthOutsideItsRangeFails() {
        assertThrows(AssertionFailedError.class, () -> Allocation.requireGrowth("linear", (n, i) -> n,
                (Integer n) -> new byte[n], (n, out) -> out.length == n, 100_000, 3.5, Double.POSITIVE_INFINITY, "hint"));
        Allocation.requireGrowth("linear", (n, i) -> n, (Integer n) -> new byte[n], (n, out) -> out.length == n,
                100_000, 0, 2.3, "hint");
        assertEquals(2.0, Allocation.growth((n, i) -> n, (Integer n) -> new byte[n], 100_000), 0.01);
    }

    @Test
    void aWrongAnswerFailsTheGrowthCheck() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> Allocation.requireGrowth("short",
                (n, i) -> n, (Integer n) -> new byte[n / 2], (n, out) -> out.length == n, 1000, 0, 2.3, "hint"));
        assertTrue(error.getMessage().contains("short: wrong answer on input 1000"), error::getMessage);
    }
}
