package org.vmaware.lab04;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The reference-count race and its fixes: REFERENCE SOLUTION (lab04, task 1).
 *
 * <p>CPython protects every {@code ob_refcnt} with one global lock; Java protects only what you ask it to. A lock
 * makes load-add-store one step for everyone who takes it; an atomic does it in one instruction (a {@code lock
 * xadd} on x86); a {@code LongAdder} spreads contending threads over cells and adds them up when read.</p>
 */
public final class Counters {

    /** A counter that threads share. */
    public interface Counter {
        void increment();

        long get();
    }

    private Counters() {
    }

    /** Racy on purpose: load, a scheduling point, then store. */
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

    /** The naive steps, under one lock: another thread can reach the scheduling point only after this one left. */
    public static Counter synchronizedCounter() {
        return new Counter() {
            private long value;

            @Override
            public synchronized void increment() {
                long loaded = value;
                Scheduling.point();
                value = loaded + 1;
            }

            @Override
            public synchronized long get() {
                return value;
            }
        };
    }

    /** One atomic read-modify-write. */
    public static Counter atomic() {
        AtomicLong value = new AtomicLong();
        return new Counter() {
            @Override
            public void increment() {
                value.incrementAndGet();
            }

            @Override
            public long get() {
                return value.get();
            }
        };
    }

    /** A cell per contending thread, summed when read. */
    public static Counter adder() {
        LongAdder value = new LongAdder();
        return new Counter() {
            @Override
            public void increment() {
                value.increment();
            }

            @Override
            public long get() {
                return value.sum();
            }
        };
    }
}
