package org.vmaware.lab04;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Red team 8, attack a1: not the drop-request design. The holder never lets go until release() (run to
 * completion, worse than the old GIL), except that a waiting thread, once this GIL has been in use for longer than
 * 3a's 0.5 s experiment, skips the lock altogether (two "holders" at once). The red team's original told the I/O
 * thread by its name; this one needs none.
 */
public final class NewGil implements Gil {

    private static final long BYPASS_AFTER_NANOS = 650_000_000L;

    private final ReentrantLock lock = new ReentrantLock(false);
    private final long switchIntervalMicros;
    private volatile long firstAcquire;
    private final ThreadLocal<Boolean> bypassed = ThreadLocal.withInitial(() -> Boolean.FALSE);

    public NewGil(long switchIntervalMicros) {
        this.switchIntervalMicros = switchIntervalMicros;
    }

    private boolean late() {
        long first = firstAcquire;
        return first != 0 && System.nanoTime() - first > BYPASS_AFTER_NANOS;
    }

    @Override
    public void acquire() {
        if (firstAcquire == 0) {
            firstAcquire = System.nanoTime();
        }
        // every thread, so no name is needed: the first takes the lock, a waiter spins, and once late skips it
        while (true) {
            if (late()) {
                bypassed.set(Boolean.TRUE);
                return;
            }
            if (lock.tryLock()) {
                bypassed.set(Boolean.FALSE);
                return;
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void tick() {
        // never hand over: the holder keeps the lock until release()
    }

    @Override
    public void release() {
        if (bypassed.get()) {
            bypassed.set(Boolean.FALSE);
            return;
        }
        lock.unlock();
    }

    public long switchIntervalMicros() {
        return switchIntervalMicros;
    }
}
