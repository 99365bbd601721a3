package org.vmaware.lab04.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.lab04.Counters;
import org.vmaware.lab04.RaceModel;
import org.vmaware.lab04.Scheduling;

/**
 * Task 1: the reference-count race. Each fixed counter must count exactly twice: once with its scheduling point
 * armed to force the worst interleaving (so the race shows on every machine and JDK), and once over about 10,000,000
 * increments from real threads running freely (the counts drawn for the run). Exact counts alone are not taken on
 * trust: a counter that every thread shares is seen to be shared, by the monitor held at the point (1a) or by its
 * atomic holding the count before get() is called (1b, 1c).
 */
@DisplayName("Task 1: the refcount race")
class Task1CountersTest {

    @AfterEach
    void disarm() {
        Scheduling.arm(null);
    }

    @Graded(task = 1, points = Rubric.COUNTER_POINTS, starter = Expect.FAIL)
    @DisplayName("1a synchronized counts exactly")
    void synchronizedCounter() {
        requireExact("synchronizedCounter()", Counters::synchronizedCounter, null);
    }

    @Graded(task = 1, points = Rubric.COUNTER_POINTS, starter = Expect.FAIL)
    @DisplayName("1b AtomicLong counts exactly")
    void atomic() {
        requireExact("atomic()", Counters::atomic, AtomicLong.class);
    }

    @Graded(task = 1, points = Rubric.COUNTER_POINTS, starter = Expect.FAIL)
    @DisplayName("1c LongAdder counts exactly")
    void adder() {
        requireExact("adder()", Counters::adder, LongAdder.class);
    }

    @Graded(task = 1, points = Rubric.MODEL_POINTS, starter = Expect.FAIL)
    @DisplayName("1d the race model finds every interleaving and its outcome")
    void raceModel() {
        // the refcount race (every thread adds 1), then amounts drawn for the run: four fixed questions would have
        // four answers a table can hold (red team 8)
        RandomGenerator amounts = GradingSettings.current().random("race model amounts");
        for (int threads = 1; threads <= 4; threads++) {
            long[] ones = new long[threads];
            Arrays.fill(ones, 1);
            long[] drawn = amounts.longs(threads, 1, 1_000_000).toArray();
            for (long[] adds : List.of(ones, drawn)) {
                assertEquals(interleavingOutcomes(adds), RaceModel.outcomes(adds.clone()), "RaceModel.outcomes("
                        + Arrays.toString(adds).replaceAll("[\\[\\]]", "") + "): final count -> number of interleavings");
            }
        }
    }

    /**
     * Counts with the scheduling point armed, then freely from 2 and from 4 threads. With {@code shared} null (1a) the
     * armed point is a {@link CounterLockWitness}: every increment must reach it holding one monitor that all
     * threads share. Otherwise (1b, 1c) the counter's own field of that type must hold the count before get() is
     * called ({@link CounterState}). Either way a counter with no shared state, whose count appears only at get(),
     * fails (red team 10).
     */
    private static void requireExact(String name, Supplier<Counters.Counter> make, Class<? extends Number> shared) {
        // counts drawn for the run: a counter that rounds a racy count to the nearest fixed total would count nothing
        RandomGenerator counts = GradingSettings.current().random("increments " + name);
        int forcedEach = Rubric.FORCED_INCREMENTS + counts.nextInt(Rubric.FORCED_INCREMENTS);
        Rendezvous rendezvous = new Rendezvous(Rubric.RENDEZVOUS_MILLIS);
        CounterLockWitness witness = new CounterLockWitness(rendezvous);
        Scheduling.arm(shared == null ? witness : rendezvous);
        Counters.Counter forced = make.get();
        List<Thread> threads = run(forced, 2, forcedEach);
        Scheduling.arm(null);
        // read before get() is called, judged after the lesson's own message on lost increments
        List<Long> heldBeforeGet = shared == null ? List.of() : CounterState.values(forced, shared);
        if (forced.get() != 2L * forcedEach) {
            throw new AssertionFailedError(name + " lost " + (2L * forcedEach - forced.get()) + " of "
                    + 2 * forcedEach + " increments when two threads were made to meet between the load and the store"
                    + " (the grader's armed scheduling point): load-add-store must be one step that no other thread"
                    + " can come between");
        }
        if (shared == null) {
            requireOneSharedMonitor(name, witness, threads, forcedEach);
        } else {
            requireSharedState(name, heldBeforeGet, shared, 2L * forcedEach, "2 threads x " + forcedEach
                    + " increments with the scheduling point armed");
        }
        for (int threadCount : new int[] {2, 4}) {
            int each = Rubric.TOTAL_INCREMENTS / threadCount
                    - counts.nextInt(Rubric.TOTAL_INCREMENTS / threadCount / 10);
            Counters.Counter free = make.get();
            run(free, threadCount, each);
            if (shared != null) {
                requireSharedState(name, CounterState.values(free, shared), shared, (long) threadCount * each,
                        threadCount + " threads x " + each + " increments, running freely");
            }
            assertEquals((long) threadCount * each, free.get(), name + ": " + threadCount + " threads x " + each
                    + " increments, running freely");
        }
    }

    /**
     * 1a: every increment reached the armed point, each time holding the one monitor every thread holds there, so no
     * other thread could come between its load and its store.
     */
    private static void requireOneSharedMonitor(String name, CounterLockWitness witness, List<Thread> threads,
            int each) {
        for (Thread thread : threads) {
            if (witness.arrivals(thread) < each) {
                throw new AssertionFailedError(name + ": " + thread.getName() + " reached the scheduling point "
                        + witness.arrivals(thread) + " times in " + each + " increments, so the grader could not"
                        + " make the threads meet between the load and the store. Keep the given Scheduling.point()"
                        + " between the load and the store of the one value all threads share, inside the lock.");
            }
        }
        if (witness.arrivalsHoldingNone() > 0 || !witness.oneMonitorHeldAtEveryArrival()) {
            throw new AssertionFailedError(name + ": " + (witness.arrivalsHoldingNone() > 0
                    ? witness.arrivalsHoldingNone() + " increments reached the scheduling point holding no lock"
                    : "the threads reached the scheduling point holding different locks")
                    + " (asked of the JVM with ThreadMXBean): a synchronized counter makes every thread take the"
                    + " same monitor around load-add-store, so none can come between another's load and store.");
        }
    }

    /**
     * 1b, 1c: after the threads ended and before get() was called, the counter's own {@code type} held the count
     * ({@code held}, from {@link CounterState}): the one value every thread updated, not a sum that get() makes of
     * values kept apart.
     */
    private static void requireSharedState(String name, List<Long> held, Class<? extends Number> type,
            long expected, String what) {
        String kind = type.getSimpleName();
        if (held.isEmpty()) {
            throw new AssertionFailedError(name + " (" + what + "): the counter has no field that holds "
                    + ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind
                    + ": keep the count in one " + kind + " that the counter holds and every thread increments.");
        }
        if (!held.contains(expected)) {
            throw new AssertionFailedError(name + " (" + what + "): after the threads ended and before get() was"
                    + " called, the counter's " + kind + (held.size() == 1 ? " held " + held.get(0)
                            : " fields held " + held) + ", not the " + expected + " increments: the count must"
                    + " be in the one " + kind + " every thread increments, not appear only when get() is called.");
        }
    }

    /**
     * {@code threads} threads, started together, each incrementing {@code each} times; waits for all of them and
     * returns them.
     */
    static List<Thread> run(Counters.Counter counter, int threads, int each) {
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    counter.increment();
                }
            }, "counter-" + t);
            thread.setDaemon(true);
            started.add(thread);
        }
        started.forEach(Thread::start);
        for (Thread thread : started) {
            try {
                thread.join(Rubric.THREAD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted", e);
            }
            if (thread.isAlive()) {
                throw new AssertionFailedError(thread.getName() + " did not finish its " + each + " increments in "
                        + Rubric.THREAD_MILLIS / 1000 + " s");
            }
        }
        return started;
    }

    /**
     * The tests' own enumeration, written differently from any likely answer: every sequence of thread numbers in which
     * each thread appears three times is one interleaving.
     */
    static Map<Long, Long> interleavingOutcomes(long[] adds) {
        Map<Long, Long> outcomes = new TreeMap<>();
        int[] remaining = new int[adds.length];
        Arrays.fill(remaining, 3);
        collect(adds, remaining, new int[3 * adds.length], 0, outcomes);
        return outcomes;
    }

    private static void collect(long[] adds, int[] remaining, int[] order, int filled, Map<Long, Long> outcomes) {
        if (filled == order.length) {
            long shared = 0;
            long[] register = new long[remaining.length];
            int[] step = new int[remaining.length];
            for (int thread : order) {
                if (step[thread] == 0) {
                    register[thread] = shared;
                } else if (step[thread] == 1) {
                    register[thread] += adds[thread];
                } else {
                    shared = register[thread];
                }
                step[thread]++;
            }
            outcomes.merge(shared, 1L, Long::sum);
            return;
        }
        for (int t = 0; t < remaining.length; t++) {
            if (remaining[t] > 0) {
                remaining[t]--;
                order[filled] = t;
                collect(adds, remaining, order, filled + 1, outcomes);
                remaining[t]++;
            }
        }
    }
}
