package org.vmaware.lab04;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The GIL of CPython 3.2 and later: REFERENCE SOLUTION (lab04, task 3).
 *
 * <p>A thread that wants the lock waits up to the switch interval; if no switch happened meanwhile, it sets a drop
 * request. The holder checks the request at its next tick, releases the lock, and waits until another thread has
 * taken it ("forced switching"), so it cannot take it straight back as the old GIL did.</p>
 */
public final class NewGil implements Gil {

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition changed = mutex.newCondition();
    private final long switchIntervalNanos;
    private Thread holder;
    private long switches;
    private volatile boolean dropRequest;

    /** A GIL whose waiting threads ask for a switch after {@code switchIntervalMicros} (CPython: 5,000). */
    public NewGil(long switchIntervalMicros) {
        this.switchIntervalNanos = TimeUnit.MICROSECONDS.toNanos(switchIntervalMicros);
    }

    @Override
    public void acquire() {
        mutex.lock();
        try {
            awaitFreeThenTake();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the GIL", e);
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void tick() {
        if (!dropRequest) {
            return;
        }
        mutex.lock();
        try {
            Thread me = Thread.currentThread();
            holder = null;
            dropRequest = false;
            changed.signalAll();
            // forced switching: wait until another thread has taken the lock before competing for it again
            long switchesBefore = switches;
            while (switches == switchesBefore) {
                changed.awaitUninterruptibly();
            }
            awaitFreeThenTake();
            assert holder == me;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the GIL", e);
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void release() {
        mutex.lock();
        try {
            holder = null;
            changed.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /** The switch interval, in microseconds. */
    public long switchIntervalMicros() {
        return TimeUnit.NANOSECONDS.toMicros(switchIntervalNanos);
    }

    /**
     * Waits until nobody holds the GIL, asking for a drop whenever a whole switch interval passes without a switch, then
     * takes it; the caller holds the mutex.
     */
    private void awaitFreeThenTake() throws InterruptedException {
        while (holder != null) {
            long switchesBefore = switches;
            if (changed.awaitNanos(switchIntervalNanos) <= 0 && holder != null && switches == switchesBefore) {
                dropRequest = true;
            }
        }
        take();
    }

    /** Takes the free lock; the caller holds the mutex. */
    private void take() {
        holder = Thread.currentThread();
        switches++;
        dropRequest = false;
        changed.signalAll();
    }
}
