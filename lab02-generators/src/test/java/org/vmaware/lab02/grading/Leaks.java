package org.vmaware.lab02.grading;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.opentest4j.AssertionFailedError;

import org.vmaware.lab02.Generator;

/**
 * Knowing whether generator bodies have ended, without trusting the code under test: every body the tests write is
 * wrapped so that it counts itself in and out ({@link #tracked}). A parked virtual thread is invisible to thread
 * enumeration, so counting the bodies themselves is the evidence that works on every JDK; {@link Generator#running()}
 * is checked beside it.
 */
final class Leaks {

    /** Bodies written by the tests that have started and not yet ended. */
    private static final AtomicInteger LIVE_BODIES = new AtomicInteger();

    private Leaks() {
    }

    /** {@code body}, counted while it runs: in at its start, out in a {@code finally}. */
    static <T> Generator.Body<T> tracked(Generator.Body<T> body) {
        return out -> {
            LIVE_BODIES.incrementAndGet();
            try {
                body.run(out);
            } finally {
                LIVE_BODIES.decrementAndGet();
            }
        };
    }

    static int liveBodies() {
        return LIVE_BODIES.get();
    }

    /** Waits, collecting garbage so dropped generators get cleaned, until no more than {@code expected} bodies live. */
    static void awaitLiveBodies(int expected, String what) {
        await(Leaks::liveBodies, expected, what + ": bodies still running");
        await(Generator::running, expected, what + ": Generator.running() still counts bodies");
    }

    private static void await(IntSupplier count, int expected, String what) {
        Duration limit = Duration.ofSeconds(Rubric.CLEANUP_SECONDS);
        long deadline = System.nanoTime() + limit.toNanos();
        while (count.getAsInt() > expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError(what + ": " + count.getAsInt() + " after " + limit.toSeconds()
                        + " s, expected at most " + expected);
            }
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted", e);
            }
        }
    }
}
