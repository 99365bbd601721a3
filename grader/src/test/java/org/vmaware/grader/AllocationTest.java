package org.vmaware.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class AllocationTest {

    @Test
    void countsTheBytesOfOneCall() {
        long bytes = Allocation.bytesPerCall((Integer n) -> new byte[n], 10_000);
        assertTrue(bytes >= 10_000 && bytes <= 10_100, "a 10,000-byte array allocated " + bytes);
    }

    @Test
    void sameCallSameBytes() {
        long first = Allocation.bytesPerCall((Integer n) -> new StringBuilder().append("x".repeat(n)).toString(), 5_000);
        long second = Allocation.bytesPerCall((Integer n) -> new StringBuilder().append("x".repeat(n)).toString(), 5_000);
        assertTrue(Math.abs(first - second) <= 64, first + " vs " + second);
    }

    @Test
    void growthTellsQuadraticFromLinear() {
        double quadratic = Allocation.growth(n -> n, (Integer n) -> {
            String s = "";
            for (int i = 0; i < n; i++) {
                s += "x";
            }
            return s;
        }, 2_000);
        double linear = Allocation.growth(n -> n, (Integer n) -> "x".repeat(n), 2_000);
        assertTrue(quadratic > 3.5 && quadratic < 4.5, "quadratic grew " + quadratic);
        assertTrue(linear > 1.7 && linear < 2.3, "linear grew " + linear);
    }

    @Test
    void bytesAllocatedOnAnotherThreadAreCounted() throws Exception {
        ExecutorService helper = Executors.newSingleThreadExecutor();
        try {
            long bytes = Allocation.bytesPerCall((Integer n) -> {
                try {
                    return helper.submit(() -> new byte[n]).get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }, 1_000_000);
            assertTrue(bytes >= 1_000_000, "a 1 MB array made on a helper thread counted " + bytes);
        } finally {
            helper.shutdownNow();
        }
    }

    @Test
    void failingRatioSaysWhatWasMeasured() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> Allocation.requireAtMostFractionOf(
                "same", 1000, (Integer n) -> new byte[n], (Integer n) -> new byte[n], 100, "allocate less"));
        assertTrue(error.getMessage().contains("1.00x fewer"), error::getMessage); // the message keeps the long form
        assertTrue(error.getMessage().contains("allocate less"), error::getMessage);
    }

    @Test
    void growthOutsideItsRangeFails() {
        assertThrows(AssertionFailedError.class, () -> Allocation.requireGrowth("linear", n -> n,
                (Integer n) -> new byte[n], 100_000, 3.5, Double.POSITIVE_INFINITY, "hint"));
        Allocation.requireGrowth("linear", n -> n, (Integer n) -> new byte[n], 100_000, 0, 2.3, "hint");
        assertEquals(2.0, Allocation.growth(n -> n, (Integer n) -> new byte[n], 100_000), 0.01);
    }
}
