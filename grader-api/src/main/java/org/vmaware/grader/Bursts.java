package org.vmaware.grader;

import java.util.function.IntConsumer;

/**
 * For a lab's correctness checks: correctness in the pattern the timing checks call in: bursts of calls back to back, with pauses between them.
 * Code that is right on the first calls, or only after a pause, and wrong after that, fails here, not only in a
 * timed check.
 *
 * <pre>
 * Bursts.run(i -&gt; requireSame(random input))     3 bursts of 1,000 calls, 20 ms apart
 * </pre>
 */
public final class Bursts {

    public static final int BURSTS = 3;
    public static final int CALLS_PER_BURST = 1_000;
    private static final long PAUSE_MILLIS = 20;

    private Bursts() {
    }

    /** Calls {@code call} with 0, 1, 2, ... in {@link #BURSTS} bursts of {@link #CALLS_PER_BURST}, pausing before each. */
    public static void run(IntConsumer call) {
        int n = 0;
        for (int burst = 0; burst < BURSTS; burst++) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted between bursts", e);
            }
            for (int i = 0; i < CALLS_PER_BURST; i++) {
                call.accept(n++);
            }
        }
    }
}
