package org.vmaware.lab04;

/**
 * The reference-count race and its fixes: YOUR CODE (lab04, task 1).
 *
 * <p>A counter that many threads increment, like CPython's {@code ob_refcnt}. {@code count++} is three steps: load
 * the value, add one, store it. Two threads that both load before either stores lose an update. The naive counter
 * below does exactly that, with a {@link Scheduling#point()} between its load and its store; the grader arms that
 * point so the race shows on every machine.</p>
 * <pre>
 * Counter c = Counters.atomic();
 * two threads, 5,000,000 c.increment() each  →  c.get() == 10,000,000
 * </pre>
 *
 * <p>Each fixed counter must count exactly, and an armed scheduling point must not make it lose an update. Keep the
 * factory names.</p>
 */
public final class Counters {

    /** A counter that threads share. */
    public interface Counter {
        void increment();

        long get();
    }

    private Counters() {
    }

    /** GIVEN, and racy on purpose: load, a scheduling point, then store. */
    public static Counter naive() {
        return new Counter() {
            private long value;

            @Override
            public void increment() {
                long loaded = value;
                Scheduling.point();
                value = loaded + 1;
            }

            @Override
            public long get() {
                return value;
            }
        };
    }

    /** Task 1a: the same steps under one lock ({@code synchronized}), so no thread comes between them. */
    public static Counter synchronizedCounter() {
        // TODO task 1a: make load-add-store one step under a lock
        return naive();
    }

    /** Task 1b: {@link java.util.concurrent.atomic.AtomicLong#incrementAndGet()}: one atomic read-modify-write instruction. */
    public static Counter atomic() {
        // TODO task 1b
        return naive();
    }

    /** Task 1c: {@link java.util.concurrent.atomic.LongAdder}: a cell per contending thread, added up when read. */
    public static Counter adder() {
        // TODO task 1c
        return naive();
    }
}
