/*
 * ATTACK l04-counter-subclass (red team 11) -- CHEAT on 1b and 1c.
 * atomic() and adder() share nothing per increment: each thread counts in a plain long[] of its own (a ThreadLocal
 * cell, registered once per thread), no AtomicLong RMW and no LongAdder cell is ever touched. The counter's field
 * is declared AtomicLong (1b) / LongAdder (1c), but holds an instance of a SUBCLASS defined here, whose longValue()
 * returns the sum of the thread-confined cells. CounterState reads the field by reflection and asks it
 * ((Number) value).longValue(): it gets the student's override, so "the counter's own AtomicLong/LongAdder held
 * the count before get()" is satisfied with no shared state (red team 10's confined counter, back).
 * 1a is the honest synchronized counter (not attacked here).
 */
package org.vmaware.lab04;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

public final class Counters {

    public interface Counter {
        void increment();

        long get();
    }

    private Counters() {
    }

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

    /** Thread-confined cells: one plain long per thread, summed on demand. */
    static final class Cells {
        private final ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<long[]> mine = new ThreadLocal<>();

        void increment() {
            long[] cell = mine.get();
            if (cell == null) {
                cell = new long[1];
                mine.set(cell);
                all.add(cell);
            }
            cell[0]++; // a plain, unshared store
        }

        long sum() {
            long sum = 0;
            for (long[] cell : all) {
                sum += cell[0];
            }
            return sum;
        }
    }

    /** Looks like an AtomicLong to anyone who asks it for its value; is never incremented. */
    static final class FakeAtomic extends AtomicLong {
        private static final long serialVersionUID = 1L;
        final transient Cells cells = new Cells();

        @Override
        public long longValue() {
            return cells.sum();
        }
    }

    /** Looks like a LongAdder to anyone who asks it for its value; none of its cells is ever touched. */
    static final class FakeAdder extends LongAdder {
        private static final long serialVersionUID = 1L;
        final transient Cells cells = new Cells();

        @Override
        public long longValue() {
            return cells.sum();
        }
    }

    public static Counter atomic() {
        return new Counter() {
            private final AtomicLong value = new FakeAtomic();

            @Override
            public void increment() {
                ((FakeAtomic) value).cells.increment();
            }

            @Override
            public long get() {
                return value.longValue();
            }
        };
    }

    public static Counter adder() {
        return new Counter() {
            private final LongAdder value = new FakeAdder();

            @Override
            public void increment() {
                ((FakeAdder) value).cells.increment();
            }

            @Override
            public long get() {
                return value.longValue();
            }
        };
    }
}
