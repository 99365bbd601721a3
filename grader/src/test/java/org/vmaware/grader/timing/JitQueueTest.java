package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.vmaware.grader.Outcome;

/**
 * Warm-up waits for the JIT's compile queue to empty (engine 6.0.0): lab01's pristine 5b passed twice in 3,210
 * verdicts of engine 5.1.0, its naive side still waiting in the queue for C2 while all its short rounds ran.
 */
class JitQueueTest {

    /** {@code Compiler.queue} as Temurin 25.0.3 printed it, one compile running and two waiting (JDK 17's is alike). */
    private static final String BUSY_LISTING = String.join("\n",
            "Current compiles: ",
            "C2 CompilerThread0  1422   !   4       com.sun.tools.javac.jvm.PoolReader$ImmutablePoolHelper::readIfNeeded"
                    + " (148 bytes)",
            "",
            "C1 compile queue:",
            "Empty",
            "",
            "C2 compile queue:",
            "1423       4       com.sun.tools.javac.code.Type$JCNoType::getTag (4 bytes)",
            "1453       4       com.sun.tools.javac.jvm.Code::width (42 bytes)",
            "");
    private static final String IDLE_LISTING = String.join("\n", "Current compiles: ", "", "C1 compile queue:", "Empty",
            "", "C2 compile queue:", "Empty", "");

    private final IntSupplier real = JitQueue.source;

    @AfterEach
    void restoreTheQueue() {
        JitQueue.source = real;
    }

    @Test
    void countsRunningAndQueuedCompiles() {
        assertEquals(3, JitQueue.count(BUSY_LISTING));
        assertEquals(0, JitQueue.count(IDLE_LISTING));
    }

    @Test
    void readsThisJvmsQueue() {
        // a JVM with a JIT lists its queues; with nothing hot running, they drain within a second
        int pending = JitQueue.pending();
        for (int i = 0; i < 100 && pending > 0; i++) {
            sleep(10);
            pending = JitQueue.pending();
        }
        assertEquals(0, pending, "the JIT's queue of an idle test JVM did not drain in a second");
    }

    @Test
    void aJitThatNeverGoesQuietLeavesTheVerdictUndecided() {
        JitQueue.source = () -> 2;
        Verdict verdict = twiceAsFast();
        assertEquals(Outcome.INCONCLUSIVE, verdict.outcome(), verdict::message);
        assertEquals(0, verdict.fraction(), "no band for a verdict timed while the JIT compiled");
        assertTrue(verdict.notes().stream().anyMatch(note -> note.startsWith(Verdict.JIT_BUSY)), verdict::message);
        assertTrue(verdict.message().contains("not decided on this machine"), verdict::message);
        assertTrue(verdict.phases().warmupNanos() >= 2_000_000_000L,
                "rounds go on for 2 s while the JIT compiles: " + verdict.phases().warmupNanos());
    }

    @Test
    void warmUpGoesOnUntilTheQueueEmpties() {
        AtomicInteger reads = new AtomicInteger();
        JitQueue.source = () -> reads.incrementAndGet() <= 3 ? 1 : 0;
        Verdict verdict = twiceAsFast();
        assertEquals(Outcome.PASS, verdict.outcome(), verdict::message);
        assertTrue(reads.get() >= 4, "warm-up ended before the queue was empty: " + reads.get() + " readings");
        assertTrue(verdict.notes().stream().noneMatch(note -> note.startsWith(Verdict.JIT_BUSY)), verdict::message);
    }

    private static Verdict twiceAsFast() {
        return SpeedUp.of("synthetic 2x vs target 1.2", Spin::input, Spin.side(2 * Spin.UNIT), Spin.side(Spin.UNIT))
                .verifiedBy(Spin.ANY_ANSWER).atLeast(1.2).seed(42).measure();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
