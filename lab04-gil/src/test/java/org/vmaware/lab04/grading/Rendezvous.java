package org.vmaware.lab04.grading;

/**
 * An armed scheduling point: the first thread to arrive waits (up to a limit) for a second one, then both go on. Two
 * threads that can both reach the point get the worst interleaving every time; a thread that holds a lock the other
 * needs to reach the point waits out the limit and goes on alone.
 */
final class Rendezvous implements Runnable {

    private final long limitNanos;
    private final Object lock = new Object();
    private int waiting;
    private long generation;

    Rendezvous(long limitMillis) {
        this.limitNanos = limitMillis * 1_000_000L;
    }

    @Override
    public void run() {
        synchronized (lock) {
            long arrivedIn = generation;
            waiting++;
            if (waiting == 2) {
                waiting = 0;
                generation++;
                lock.notifyAll();
                return;
            }
            long deadline = System.nanoTime() + limitNanos;
            while (generation == arrivedIn) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    waiting--;
                    return;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    waiting--;
                    return;
                }
            }
        }
    }
}
