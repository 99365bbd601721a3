package org.vmaware.lab04;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Red team 10, lab04 1a-1c, the variant that the threat model leaves open for 1a: each thread counts in a cell of
 * its own, and 1a's increment calls the scheduling point inside a lock that every thread shares, around the point
 * only, so the JVM sees the shared monitor there. 1b and 1c move the cells' counts into their AtomicLong and
 * LongAdder in batches of 4,096, so the atomic lags the count until get() flushes the rest: they earn nothing.
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
                synchronized (this) {
                    Scheduling.point();
                }
                super.increment();
            }

            @Override
            boolean flushes() {
                return false;
            }
        };
    }

    public static Counter atomic() {
        AtomicLong value = new AtomicLong();
        return new Confined() {
            @Override
            void flush(long count) {
                value.addAndGet(count);
            }

            @Override
            public long get() {
                return value.get() + super.get();
            }
        };
    }

    public static Counter adder() {
        LongAdder value = new LongAdder();
        return new Confined() {
            @Override
            void flush(long count) {
                value.add(count);
            }

            @Override
            public long get() {
                return value.sum() + super.get();
            }
        };
    }

    /** A cell per thread, flushed into the counter's atomic every 4,096 increments, its unflushed part summed by get(). */
    private static class Confined implements Counter {
        private final Queue<long[]> cells = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<long[]> mine = ThreadLocal.withInitial(() -> {
            long[] cell = new long[1];
            cells.add(cell);
            return cell;
        });

        void flush(long count) {
        }

        @Override
        public void increment() {
            long[] cell = mine.get();
            if (++cell[0] == 4096 && flushes()) {
                flush(cell[0]);
                cell[0] = 0;
            }
        }

        /** Whether the cells' counts move into the counter's atomic; 1a keeps every count in its cells. */
        boolean flushes() {
            return true;
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
