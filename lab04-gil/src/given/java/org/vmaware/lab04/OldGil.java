package org.vmaware.lab04;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The GIL of Python 2: GIVEN, and unfair on purpose. Every {@code checkInterval} ticks the holder releases the lock
 * and at once takes it again. On a machine with two or more CPUs a waiting thread has just been woken when the holder
 * takes the lock back, so it rarely gets it: an I/O thread waits far longer than its I/O.
 */
public final class OldGil implements Gil {

    private final ReentrantLock lock = new ReentrantLock(false);
    private final int checkInterval;
    private int ticks;

    public OldGil(int checkInterval) {
        this.checkInterval = checkInterval;
    }

    @Override
    public void acquire() {
        lock.lock();
    }

    @Override
    public void tick() {
        if (++ticks >= checkInterval) {
            ticks = 0;
            lock.unlock();
            lock.lock();
        }
    }

    @Override
    public void release() {
        lock.unlock();
    }
}
