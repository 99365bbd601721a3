package org.vmaware.lab04;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Red team 10, lab04 3b: not the drop-request design. A waiter sets the drop request the moment it starts waiting,
 * not after the switch interval, and the holder hands over at its next tick: a "fair" GIL that switches on every
 * request. One holder at a time, so 3a passes; the I/O thread waits about one tick, so 3b's bounds (p99 within 5
 * switch intervals, longest within 20) passed too. Two CPU-bound threads hand the GIL to each other on every tick.
 */
public final class NewGil implements Gil {

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition changed = mutex.newCondition();
    private final long switchIntervalMicros;
    private Thread holder;
    private long switches;
    private volatile boolean dropRequest;

    public NewGil(long switchIntervalMicros) {
        this.switchIntervalMicros = switchIntervalMicros;
    }

    @Override
    public void acquire() {
        mutex.lock();
        try {
            awaitFreeThenTake();
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
            holder = null;
            dropRequest = false;
            changed.signalAll();
            long before = switches;
            while (switches == before) {
                changed.awaitUninterruptibly();
            }
            awaitFreeThenTake();
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

    public long switchIntervalMicros() {
        return switchIntervalMicros;
    }

    private void awaitFreeThenTake() {
        while (holder != null) {
            dropRequest = true; // at once: no switch interval
            changed.awaitUninterruptibly();
        }
        holder = Thread.currentThread();
        switches++;
        dropRequest = false;
        changed.signalAll();
    }
}
