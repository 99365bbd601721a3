package org.vmaware.lab04;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The GIL of CPython 3.2 and later: YOUR CODE (lab04, task 3).
 *
 * <p>The old GIL ({@link OldGil}) lets its holder release and at once re-take the lock, so on two or more CPUs a
 * waiting thread rarely gets it. The new design bounds the wait:</p>
 * <ul>
 *   <li>a thread that wants the lock waits for it up to the switch interval; if no switch happened in that time, it
 *       sets a drop request;</li>
 *   <li>the holder checks the request in {@link #tick()}, releases the lock, and waits until another thread has
 *       taken it ("forced switching"): it may not take it straight back;</li>
 *   <li>never two holders at once.</li>
 * </ul>
 * <p>Use one {@code ReentrantLock} and a {@code Condition} for the state (who holds the GIL, how many switches
 * happened, the drop request). The starter is the old design, so it starves a waiting thread on two CPUs.</p>
 */
public final class NewGil implements Gil {

    // TODO task 3: the drop-request design; this is the old one
    private final ReentrantLock lock = new ReentrantLock(false);
    private final long switchIntervalMicros;
    private int ticks;

    /** A GIL whose waiting threads ask for a switch after {@code switchIntervalMicros} (CPython: 5,000). */
    public NewGil(long switchIntervalMicros) {
        this.switchIntervalMicros = switchIntervalMicros;
    }

    @Override
    public void acquire() {
        lock.lock();
    }

    @Override
    public void tick() {
        if (++ticks >= 100) {
            ticks = 0;
            lock.unlock();
            lock.lock();
        }
    }

    @Override
    public void release() {
        lock.unlock();
    }

    /** The switch interval, in microseconds. */
    public long switchIntervalMicros() {
        return switchIntervalMicros;
    }
}
