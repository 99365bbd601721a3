package org.vmaware.lab04.grading;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.vmaware.lab04.Bank;

/**
 * An armed scheduling point that also notes, for each thread, how often it arrived holding exactly one monitor
 * locked in {@link Bank}'s code: the evidence that a transfer called {@code Scheduling.point()} between its two
 * locks.
 *
 * <p>Why: the interleaving that exposes a deadlock-prone lock order is forced only at that point, and the call to it
 * sits in the student's {@code Bank}. A transfer that leaves the call out is never made to meet the other one, so
 * "it did not deadlock" would prove nothing. The JVM itself says which monitors a thread holds and in which frame it
 * locked each ({@code ThreadMXBean.getThreadInfo(ids, true, false)}), so the check does not have to trust the file
 * it grades.</p>
 *
 * <p>The reference takes the lower account's lock first, so its two threads are never at the point together: one
 * arrives holding the lower lock while the other waits for that lock outside, then the other arrives alone. Both
 * arrive with one lock held, which is all the rule asks.</p>
 */
final class BankLockWitness implements Runnable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Runnable point;
    private final Map<Long, Integer> arrivalsHoldingOneLock = new ConcurrentHashMap<>();
    /** Threads at the point now, each holding one of the bank's monitors. */
    private final AtomicInteger atThePointHoldingOne = new AtomicInteger();
    private volatile boolean met;

    /** Notes each arrival, then does what {@code point} does (a {@link Rendezvous}, say). */
    BankLockWitness(Runnable point) {
        this.point = point;
    }

    @Override
    public void run() {
        Thread arriving = Thread.currentThread();
        // counted before the rendezvous, whose own lock is not the bank's
        boolean holdingOne = bankMonitorsHeldBy(arriving.getId()) == 1;
        if (holdingOne) {
            arrivalsHoldingOneLock.merge(arriving.getId(), 1, Integer::sum);
            // two threads cannot hold one monitor: two here at once hold two different first locks
            met |= atThePointHoldingOne.incrementAndGet() > 1;
        }
        try {
            point.run();
        } finally {
            if (holdingOne) {
                atThePointHoldingOne.decrementAndGet();
            }
        }
    }

    /**
     * Whether two threads were at the point at the same time, each holding one of the bank's monitors: opposite
     * transfers took different first locks. Code whose transfers lock in one global order never gets there (the
     * second waits for the first's lock outside), whatever it does after the point; code that locks in opposite
     * orders does, even if it lets go of that lock after the point and takes the real ones without it.
     */
    boolean metHoldingDifferentLocks() {
        return met;
    }

    /** How often {@code thread} reached the point holding exactly one of the bank's monitors. */
    int arrivalsHoldingOneLock(Thread thread) {
        return arrivalsHoldingOneLock.getOrDefault(thread.getId(), 0);
    }

    /** Monitors the thread holds that a frame of {@link Bank} (or a class nested in it) locked. */
    private static int bankMonitorsHeldBy(long threadId) {
        ThreadInfo[] infos = THREADS.getThreadInfo(new long[] {threadId}, true, false);
        if (infos.length == 0 || infos[0] == null) {
            return 0;
        }
        int held = 0;
        for (MonitorInfo monitor : infos[0].getLockedMonitors()) {
            StackTraceElement frame = monitor.getLockedStackFrame();
            if (frame != null && isBankCode(frame.getClassName())) {
                held++;
            }
        }
        return held;
    }

    private static boolean isBankCode(String className) {
        String bank = Bank.class.getName();
        return className.equals(bank) || className.startsWith(bank + "$");
    }
}
