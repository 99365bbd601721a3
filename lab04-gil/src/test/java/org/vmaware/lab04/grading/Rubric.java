package org.vmaware.lab04.grading;

/** lab04's points, sizes and limits: the one place an instructor reads and changes them. */
public final class Rubric {

    /** Task 1: each fixed counter. */
    public static final double COUNTER_POINTS = 1;
    /** Task 1: the race model. */
    public static final double MODEL_POINTS = 2;
    /** Task 1: increments per thread with the scheduling point armed (each may wait up to the rendezvous limit). */
    public static final int FORCED_INCREMENTS = 20;
    /** Task 1: increments in all, from threads running freely. */
    public static final int TOTAL_INCREMENTS = 10_000_000;
    /** How long an armed scheduling point waits for a second thread. */
    public static final long RENDEZVOUS_MILLIS = 20;

    /** Task 2. */
    public static final double DEADLOCK_POINTS = 2;
    public static final int TRANSFERS = 10_000;

    /** The longest a test waits for its threads before calling it a hang. */
    public static final long THREAD_MILLIS = 30_000;

    private Rubric() {
    }
}
