package org.vmaware.lab04;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Red team 10, lab04 1a-1c, a variant that dresses the thread-confined counter up: each thread counts in a cell of
 * its own (a map from the thread), 1a's increment calls the scheduling point holding a lock, but a lock of its own
 * thread's cell, which no other thread takes; 1b and 1c keep an AtomicLong and a LongAdder that get() fills from the
 * cells, so they hold the count only once get() is called.
 */
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
        return new Confined() {
            @Override
            public void increment() {
                long[] cell = cell();
                synchronized (cell) {
                    long loaded = cell[0];
                    Scheduling.point();
                    cell[0] = loaded + 1;
                }
            }
        };
    }

    public static Counter atomic() {
        AtomicLong value = new AtomicLong();
        return new Confined() {
            @Override
            public long get() {
                value.set(super.get());
                return value.get();
            }
        };
    }

    public static Counter adder() {
        LongAdder value = new LongAdder();
        return new Confined() {
            @Override
            public long get() {
                value.reset();
                value.add(super.get());
                return value.sum();
            }
        };
    }

    /** A cell per thread, summed by get(). */
    private static class Confined implements Counter {
        private final Map<Thread, long[]> cells = new ConcurrentHashMap<>();

        long[] cell() {
            return cells.computeIfAbsent(Thread.currentThread(), t -> new long[1]);
        }

        @Override
        public void increment() {
            cell()[0]++;
        }

        @Override
        public long get() {
            long sum = 0;
            for (long[] cell : cells.values()) {
                sum += cell[0];
            }
            return sum;
        }
    }
}
