package org.vmaware.lab04;

/**
 * A global interpreter lock, as CPython has one: GIVEN. A thread holds it while it runs interpreter ticks, calls
 * {@link #tick()} after each tick (where the lock may pass to another thread), and releases it before blocking I/O.
 */
public interface Gil {

    /** Blocks until this thread holds the lock. */
    void acquire();

    /** Called by the holder after every tick: the place where the lock may pass to a waiting thread. */
    void tick();

    /** Gives the lock up (before I/O, or at the end). */
    void release();
}
