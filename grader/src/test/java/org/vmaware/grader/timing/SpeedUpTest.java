package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.Outcome;

/**
 * The engine on synthetic pairs with known speed-ups: the same loop, run {@code ratio} times longer on the
 * baseline side. A wrong verdict is a PASS below the target or a FAIL above it; INCONCLUSIVE is reported, and
 * with these gaps it should not happen either.
 */
class SpeedUpTest {

    /** The candidate's work in the offloading tests: the same compiled code as the baseline's. */
    private static final Function<long[], Long> UNIT_OF_WORK = Spin.side(Spin.UNIT);
    private static final Function<long[], Long> EIGHTH_OF_WORK = Spin.side(Spin.UNIT / 8);

    private static Verdict measure(double trueRatio, double target) {
        long baselineIterations = Math.round(Spin.UNIT * trueRatio);
        return SpeedUp.of("synthetic " + trueRatio + "x vs target " + target, Spin::input,
                Spin.side(baselineIterations), Spin.side(Spin.UNIT))
                .verifiedBy(Spin.ANY_ANSWER).atLeast(target).seed(42).measure();
    }

    @ParameterizedTest(name = "true {0}x against {1}x: {2}")
    @CsvSource({"1.0, 1.5, FAIL", "1.3, 1.5, FAIL", "2.0, 1.5, PASS", "10, 5, PASS", "10, 20, FAIL", "2.0, 1.2, PASS"})
    void quietMachine(double trueRatio, double target, Outcome expected) {
        Verdict verdict = measure(trueRatio, target);
        assertEquals(expected, verdict.outcome() == Outcome.PARTIAL ? Outcome.FAIL : verdict.outcome(),
                verdict::message);
    }

    /** Another thread of this JVM burns a CPU throughout: it is charged to the candidate. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithABackgroundBurner {
        private final AtomicBoolean running = new AtomicBoolean();

        @BeforeAll
        void startBurner() {
            running.set(true);
            java.util.concurrent.CountDownLatch burning = new java.util.concurrent.CountDownLatch(1);
            Thread burner = new Thread(() -> {
                long x = 1;
                for (int i = 0; running.get(); i++) {
                    x = Spin.work(x, 10_000);
                    if (i == 1_000) {
                        burning.countDown();
                    }
                }
            }, "burner");
            burner.setDaemon(true);
            burner.start();
            // the first verdict starts once the burner really burns, not while its thread is still starting
            try {
                burning.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @AfterAll
        void stopBurner() {
            running.set(false);
        }

        // A thread that runs beside the candidate is charged to it, whoever started it: no thread of the tests
        // runs there, and a student's helper that never rests looks like this one (red team 6). So a 2x candidate
        // measures about 1x beside it, and only a large speed-up survives, halved.
        @ParameterizedTest(name = "true {0}x against {1}x beside a thread that never rests: {2}")
        @CsvSource({"1.0, 1.5, FAIL", "1.3, 1.5, FAIL", "2.0, 1.5, FAIL", "10, 3, PASS"})
        void underLoad(double trueRatio, double target, Outcome expected) {
            Verdict verdict = measure(trueRatio, target);
            assertEquals(expected, verdict.outcome() == Outcome.PARTIAL ? Outcome.FAIL : verdict.outcome(),
                    verdict::message);
            // the burner shows up beside the candidate (offloading) or, when a round's scheduling puts more of it
            // beside the naive side, as interference: either way the verdict names it and credits nothing for it
            assertTrue(verdict.message().contains("other threads ran while your code was timed")
                    || verdict.message().contains("while the naive baseline was timed than while your code was"),
                    verdict::message);
        }
    }

    /** A "fast" side that hands its work to other threads: the calling thread's clock alone would be fooled. */
    @Nested
    class Offloading {

        @Test
        void helperThreadIsCaught() throws Exception {
            ExecutorService helper = daemonExecutor("helper");
            try {
                Function<long[], Long> offloaded = in -> {
                    try {
                        return helper.submit(() -> UNIT_OF_WORK.apply(in)).get();
                    } catch (InterruptedException | ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                };
                Verdict verdict = SpeedUp.of("helper thread", Spin::input, UNIT_OF_WORK,
                        offloaded).verifiedBy(Spin.ANY_ANSWER).atLeast(1.5).seed(7).measure();
                assertEquals(Outcome.FAIL, verdict.outcome(), verdict::message);
                assertTrue(verdict.message().contains("work ran on other threads"), verdict::message);
            } finally {
                helper.shutdownNow();
            }
        }

        /**
         * Red team 15: a thread-clock check of batches too short for the thread clock is timed by wall time, where
         * half of each call's work on a helper thread halved the time; offloading is judged there too.
         */
        @Test
        void aHelperIsCaughtUnderTheWallClockOfShortBatches() throws Exception {
            ExecutorService helper = daemonExecutor("half-helper");
            // calls long enough (about a millisecond) that handing half to a helper really halves their wall time
            Function<long[], Long> whole = Spin.side(40 * Spin.UNIT);
            Function<long[], Long> half = Spin.side(20 * Spin.UNIT);
            try {
                Function<long[], Long> split = in -> {
                    Future<Long> other = helper.submit(() -> half.apply(in));
                    long mine = half.apply(in);
                    try {
                        return mine + other.get();
                    } catch (InterruptedException | ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                };
                // a thread clock of 1 ms steps (some Windows machines have 15.6 ms): 10 µs batches are timed by wall time
                Clock.assumeStep(1_000_000);
                Verdict verdict = SpeedUp.of("half on a helper, short batches", Spin::input, whole, split)
                        .verifiedBy(Spin.ANY_ANSWER).batchMicros(10).atLeast(1.5).seed(7).measure();
                assertEquals(Outcome.FAIL, verdict.outcome(), verdict::message);
                assertTrue(verdict.message().contains("work ran on other threads"), verdict::message);
            } finally {
                Clock.assumeStep(-1);
                helper.shutdownNow();
            }
        }

        @Test
        void threadPerCallIsCaught() {
            Function<long[], Long> threadPerCall = in -> {
                long[] out = new long[1];
                Thread worker = new Thread(() -> out[0] = UNIT_OF_WORK.apply(in));
                worker.start();
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return out[0];
            };
            Verdict verdict = SpeedUp.of("thread per call", Spin::input, UNIT_OF_WORK,
                    threadPerCall).verifiedBy(Spin.ANY_ANSWER).atLeast(1.5).seed(10).measure();
            assertTrue(verdict.outcome() != Outcome.PASS, verdict::message);
        }

        @Test
        void helpersStartedBeforeTheVerdictThatEndAfterOneCallAreCaught() throws Exception {
            // red team 5: threads started long before the timed batches, each of which takes one call's work and
            // ends before the call returns, so that no live thread shows their CPU and no thread starts meanwhile
            BlockingQueue<FutureTask<Long>> work = new LinkedBlockingQueue<>();
            List<Thread> helpers = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                Thread helper = new Thread(null, () -> {
                    try {
                        work.take().run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "one-call-helper-" + i, 256 * 1024);
                helper.setDaemon(true);
                helper.start();
                helpers.add(helper);
            }
            // the caller spins a tenth of the work itself, so that a batch (sized by the caller's CPU clock) is one
            // call or two and a verdict takes some hundreds of calls, fewer than the helpers; the helper does the work
            Function<long[], Long> heavyWork = Spin.side(640L * Spin.UNIT);
            Function<long[], Long> callersShare = Spin.side(64L * Spin.UNIT);
            try {
                Function<long[], Long> viaDyingHelper = in -> {
                    FutureTask<Long> task = new FutureTask<>(() -> heavyWork.apply(in));
                    work.add(task);
                    callersShare.apply(in);
                    try {
                        return task.get(30, TimeUnit.SECONDS);
                    } catch (InterruptedException | ExecutionException | TimeoutException e) {
                        throw new IllegalStateException("no helper took the call", e);
                    }
                };
                Verdict verdict = SpeedUp.of("helpers that end after one call", Spin::input, heavyWork,
                        viaDyingHelper).verifiedBy(Spin.ANY_ANSWER).atLeast(1.5).seed(11).measure();
                assertTrue(verdict.outcome() != Outcome.PASS, verdict::message);
                assertTrue(verdict.message().contains("work ran on other threads"), verdict::message);
            } finally {
                // every helper ends before the next test: none may run beside another test's batches
                helpers.forEach(Thread::interrupt);
                for (Thread helper : helpers) {
                    helper.join(10_000);
                }
            }
        }

        @Test
        void parallelStreamIsCaught() {
            Function<long[], Long> parallel = in -> LongStream.range(0, 8).parallel()
                    .map(i -> EIGHTH_OF_WORK.apply(new long[] {in[0] + i})).sum();
            Verdict verdict = SpeedUp.of("parallel stream", Spin::input, UNIT_OF_WORK,
                    parallel).verifiedBy(Spin.ANY_ANSWER).atLeast(1.5).seed(8).measure();
            assertTrue(verdict.outcome() != Outcome.PASS, verdict::message);
        }
    }

    @Test
    void allocationOnAnotherThreadIsReported() throws Exception {
        ExecutorService helper = daemonExecutor("allocating helper");
        try {
            // The array is returned: an unused one would be removed by C2's escape analysis.
            Function<long[], Object> allocatesElsewhere = in -> {
                try {
                    return helper.submit(() -> new byte[64 * 1024]).get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            };
            Verdict verdict = SpeedUp.of("allocating helper", Spin::input,
                    UNIT_OF_WORK.andThen(x -> (Object) x), allocatesElsewhere).verifiedBy(Spin.ANY_ANSWER)
                    .atLeast(1.5).seed(9).measure();
            assertTrue(verdict.message().contains("bytes per call on other threads"), verdict::message);
        } finally {
            helper.shutdownNow();
        }
    }

    private static ExecutorService daemonExecutor(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Test
    void differentResultsAreAFailureNotATime() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> SpeedUp.of("wrong answer",
                Spin::input, (long[] in) -> in[0], (long[] in) -> in[0] + 1).atLeast(2).measure());
        assertTrue(error.getMessage().contains("wrong answer on input [") && error.getMessage().contains("expected"),
                error::getMessage);
    }

    @Test
    void partialCreditComesFromProvenBandsOnly() {
        Verdict verdict = measure(3.0, 10);
        assertEquals(Outcome.PARTIAL, verdict.outcome(), verdict::message);
        assertEquals(0.25, verdict.fraction(), verdict::message); // 10^(1/4) = 1.78 <= 3 < 10^(1/2) = 3.16
    }

    @Test
    void wallClockAndCustomBandsDecideAlike() {
        Verdict verdict = SpeedUp.of("2x by wall time", Spin::input, Spin.side(2L * Spin.UNIT),
                Spin.side(Spin.UNIT)).verifiedBy(Spin.ANY_ANSWER).clock(Clock.WALL)
                .errorBudget(0.01).maxRounds(40).atLeast(4).partialCredit(new Band(1.5, 0.6)).seed(11).measure();
        assertEquals(Outcome.PARTIAL, verdict.outcome(), verdict::message);
        assertEquals(0.6, verdict.fraction(), verdict::message);
        assertTrue(verdict.message().contains("wall time"), verdict::message);
        assertEquals(List.of(new Band(4, 1.0), new Band(1.5, 0.6)), verdict.spec().bands());
        assertThrows(IllegalArgumentException.class, () -> SpeedUp.of("x", Spin::input, Spin.side(1), Spin.side(1))
                .atLeast(4).partialCredit(new Band(5, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> SpeedUp.of("x", Spin::input, Spin.side(1), Spin.side(1))
                .maxRounds(10));
    }

    /**
     * Threads of the code under test that take every CPU while the one-thread naive side is timed under the wall
     * clock, and sleep while the candidate runs: timed by wall time the naive side looked about 2x slower, and the
     * engine must not credit it.
     */
    @Test
    void underTheWallClockThreadsThatHogTheCpusBesideTheBaselineFail() {
        AtomicBoolean candidateRunning = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        // one more hog than CPUs, so the one-thread side really loses CPU time to them while it is timed
        int hogs = Runtime.getRuntime().availableProcessors() + 1;
        java.util.concurrent.CountDownLatch hogging = new java.util.concurrent.CountDownLatch(hogs);
        for (int i = 0; i < hogs; i++) {
            Thread hog = new Thread(() -> {
                long x = 1;
                for (int n = 0; !stop.get(); n++) {
                    if (candidateRunning.get()) {
                        LockSupport.parkNanos(100_000);
                    } else {
                        x = Spin.work(x, 1_000);
                    }
                    if (n == 1_000) {
                        hogging.countDown();
                    }
                }
            }, "hog-" + i);
            hog.setDaemon(true);
            hog.start();
        }
        // the verdict starts once every hog really runs, not while their threads are still starting
        try {
            hogging.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Function<long[], Long> naive = Spin.side(Spin.UNIT);
            Function<long[], Long> quietWhileTimed = in -> {
                candidateRunning.set(true);
                try {
                    return naive.apply(in);
                } finally {
                    candidateRunning.set(false);
                }
            };
            Verdict verdict = SpeedUp.of("hogs beside the baseline", Spin::input, naive, quietWhileTimed)
                    .verifiedBy(Spin.ANY_ANSWER).clock(Clock.WALL).atLeast(1.25).seed(9).measure();
            // the FAIL is the guarantee: under the wall clock the naive side is timed by its own thread's CPU
            // (engine 5.0.0), so the hogs cannot make it look slower. Whether the note on them shows depends on how
            // the OS shared the CPUs in most rounds (1 run in 6 here it did not); its rule is ContaminationTest's
            assertEquals(Outcome.FAIL, verdict.outcome(), verdict::message);
        } finally {
            stop.set(true);
        }
    }

    @Test
    void belowTheTargetTheEngineStopsOnlyOnceEveryBandIsDecided() {
        List<Band> bands = List.of(new Band(4, 1.0), new Band(2, 0.5), new Band(1.5, 0.25));
        assertTrue(Rule.bandsDecided(bands, 4, new double[] {1.0, 1.1, 1.3}), "every band ruled out");
        assertTrue(Rule.bandsDecided(bands, 4, new double[] {2.1, 2.5, 3.0}), "both bands proven");
        assertTrue(Rule.bandsDecided(bands, 4, new double[] {1.6, 1.7, 1.9}), "1.5 proven, 2 ruled out");
        assertFalse(Rule.bandsDecided(bands, 4, new double[] {1.4, 1.7, 1.9}), "1.5 inside the interval");
        assertFalse(Rule.bandsDecided(bands, 4, new double[] {1.8, 2.2, 3.0}), "2 inside the interval");
        assertTrue(Rule.bandsDecided(bands, 4, new double[] {3.0, 3.5, 3.9}), "the target is not a band");
    }

    @Test
    void targetsAndBandsMustLieAboveNaiveReach() {
        // identical copies of one method measured up to 1.12x apart in the interpreter (lab01's starter)
        assertThrows(IllegalArgumentException.class, () -> new Band(1.15, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> SpeedUp.of("x", Spin::input, (long[] in) -> 1, (long[] in) -> 1).atLeast(1.15));
        assertEquals(1.2, new Band(1.2, 0.5).atLeast());
    }
}
