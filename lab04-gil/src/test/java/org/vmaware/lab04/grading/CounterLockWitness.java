package org.vmaware.lab04.grading;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An armed scheduling point that also notes, at each arrival, which monitors the arriving thread holds that the lab's
 * own code locked: the evidence that 1a's increments reach the point between load and store under one lock that
 * every thread shares.
 *
 * <p>Why: a counter with no shared state (each thread counting in a cell of its own, get() adding the cells up)
 * counts exactly with the point armed and needs no lock at all, so "nothing was lost" proves nothing about the lock
 * (red team 10). The JVM itself says which monitors a thread holds and in which frame it locked each
 * ({@code ThreadMXBean.getThreadInfo(ids, true, false)}, as {@link BankLockWitness} asks), so the check does not have
 * to trust the file it grades.</p>
 *
 * <p>The reference's {@code synchronized} increment reaches the point holding the counter's monitor; the other
 * thread waits for that monitor outside, so the rendezvous times out and each thread arrives alone, every time
 * holding the same monitor.</p>
 */
final class CounterLockWitness implements Runnable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The package of the lab's classes: the student's files and the given ones, not the tests'. */
    private static final String LAB_PACKAGE = org.vmaware.lab04.Counters.class.getPackageName();

    private final Runnable point;
    private final Map<Long, Integer> arrivals = new ConcurrentHashMap<>();
    private final Object noted = new Object();
    /** The monitors held at every arrival so far (class and identity), null before the first; guarded by noted. */
    private Set<String> heldAtEveryArrival;
    /** How many arrivals held no monitor of the lab's code; guarded by noted. */
    private int arrivalsHoldingNone;

    /** Notes each arrival, then does what {@code point} does (a {@link Rendezvous}, say). */
    CounterLockWitness(Runnable point) {
        this.point = point;
    }

    @Override
    public void run() {
        Thread arriving = Thread.currentThread();
        // asked before the rendezvous, whose own lock is the tests', not the lab's
        Set<String> held = labMonitorsHeldBy(arriving.getId());
        arrivals.merge(arriving.getId(), 1, Integer::sum);
        synchronized (noted) {
            if (held.isEmpty()) {
                arrivalsHoldingNone++;
            }
            if (heldAtEveryArrival == null) {
                heldAtEveryArrival = new HashSet<>(held);
            } else {
                heldAtEveryArrival.retainAll(held);
            }
        }
        point.run();
    }

    /** How often {@code thread} reached the point. */
    int arrivals(Thread thread) {
        return arrivals.getOrDefault(thread.getId(), 0);
    }

    /** How many arrivals, of any thread, held no monitor that the lab's code locked. */
    int arrivalsHoldingNone() {
        synchronized (noted) {
            return arrivalsHoldingNone;
        }
    }

    /** Whether one monitor, locked in the lab's code, was held at every arrival of every thread. */
    boolean oneMonitorHeldAtEveryArrival() {
        synchronized (noted) {
            return heldAtEveryArrival != null && !heldAtEveryArrival.isEmpty();
        }
    }

    /**
     * The monitors the thread holds that a frame of the lab's package locked (a nested class or a helper class in
     * Counters.java included), each as its class and identity hash code: two threads holding the same object hold
     * the same monitor.
     */
    private static Set<String> labMonitorsHeldBy(long threadId) {
        Set<String> held = new HashSet<>();
        ThreadInfo[] infos = THREADS.getThreadInfo(new long[] {threadId}, true, false);
        if (infos.length == 0 || infos[0] == null) {
            return held;
        }
        for (MonitorInfo monitor : infos[0].getLockedMonitors()) {
            StackTraceElement frame = monitor.getLockedStackFrame();
            if (frame != null && isLabCode(frame.getClassName())) {
                held.add(monitor.getClassName() + "@" + Integer.toHexString(monitor.getIdentityHashCode()));
            }
        }
        return held;
    }

    private static boolean isLabCode(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && className.substring(0, dot).equals(LAB_PACKAGE);
    }
}
