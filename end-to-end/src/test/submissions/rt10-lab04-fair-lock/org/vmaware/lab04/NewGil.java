package org.vmaware.lab04;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Red team 10, lab04 3b: the old GIL with a fair lock. Every tick the holder releases and takes the lock again, and
 * a fair ReentrantLock hands it to the longest waiter first, so a waiting I/O thread gets it at the next tick. 3a
 * passed (one holder, no speed-up) and so did 3b's bounds on the wait; the switch interval is never used, and two
 * CPU-bound threads hand the lock to each other on every tick.
 */
public final class NewGil implements Gil {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final long switchIntervalMicros;

    public NewGil(long switchIntervalMicros) {
        this.switchIntervalMicros = switchIntervalMicros;
    }

    @Override
    public void acquire() {
        lock.lock();
    }

    @Override
    public void tick() {
        if (lock.hasQueuedThreads()) {
            lock.unlock();
            lock.lock();
        }
    }

    @Override
    public void release() {
        lock.unlock();
    }

    public long switchIntervalMicros() {
        return switchIntervalMicros;
    }
}
