package org.vmaware.lab04.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * increments from real threads running freely (the counts drawn for the run).
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
        requireExact("synchronizedCounter()", Counters::synchronizedCounter);
    }

    @Graded(task = 1, points = Rubric.COUNTER_POINTS, starter = Expect.FAIL)
    @DisplayName("1b AtomicLong counts exactly")
    void atomic() {
        requireExact("atomic()", Counters::atomic);
    }

    @Graded(task = 1, points = Rubric.COUNTER_POINTS, starter = Expect.FAIL)
    @DisplayName("1c LongAdder counts exactly")
    void adder() {
        requireExact("adder()", Counters::adder);
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

    private static void requireExact(String name, Supplier<Counters.Counter> make) {
        // counts drawn for the run: a counter that rounds a racy count to the nearest fixed total would count nothing
        RandomGenerator counts = GradingSettings.current().random("increments " + name);
        int forcedEach = Rubric.FORCED_INCREMENTS + counts.nextInt(Rubric.FORCED_INCREMENTS);
        Scheduling.arm(new Rendezvous(Rubric.RENDEZVOUS_MILLIS));
        Counters.Counter forced = make.get();
        run(forced, 2, forcedEach);
        Scheduling.arm(null);
        if (forced.get() != 2L * forcedEach) {
            throw new AssertionFailedError(name + " lost " + (2L * forcedEach - forced.get()) + " of "
                    + 2 * forcedEach + " increments when two threads were made to meet between the load and the store"
                    + " (the grader's armed scheduling point): load-add-store must be one step that no other thread"
                    + " can come between");
        }
        for (int threads : new int[] {2, 4}) {
            int each = Rubric.TOTAL_INCREMENTS / threads - counts.nextInt(Rubric.TOTAL_INCREMENTS / threads / 10);
            Counters.Counter free = make.get();
            run(free, threads, each);
            assertEquals((long) threads * each, free.get(), name + ": " + threads + " threads x " + each
                    + " increments, running freely");
        }
    }

    /** {@code threads} threads, started together, each incrementing {@code each} times; waits for all of them. */
    static void run(Counters.Counter counter, int threads, int each) {
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
