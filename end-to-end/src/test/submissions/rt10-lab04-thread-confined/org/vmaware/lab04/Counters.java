package org.vmaware.lab04;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Red team 10, lab04 1a-1c: no shared counter at all. Each thread counts in a cell of its own (a ThreadLocal), and
 * get() adds the cells up once the threads are done. There is no shared state for the armed scheduling point's race
 * to act on, nor for a lock or an atomic to protect, so every count is exact: 1a, 1b and 1c passed without a lock,
 * an AtomicLong or a LongAdder.
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
        return new Confined();
    }

    public static Counter atomic() {
        return new Confined();
    }

    public static Counter adder() {
        return new Confined();
    }

    /** A cell per thread, registered on its first increment, summed by get(). */
    private static final class Confined implements Counter {
        private final Queue<long[]> cells = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<long[]> mine = ThreadLocal.withInitial(() -> {
            long[] cell = new long[1];
            cells.add(cell);
            return cell;
        });

        @Override
        public void increment() {
            mine.get()[0]++;
        }

        @Override
        public long get() {
            long sum = 0;
            for (long[] cell : cells) {
                sum += cell[0];
            }
            return sum;
        }
    }
}
