package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CPUs each side kept busy while timed ({@link BusyCpus}): one thread reads about one, work split over two
 * threads at once about two. lab04's 4b credits its speed-up only with the second (red team 17).
 */
class BusyCpusTest {

    /**
     * Calls of about 10 ms: the process clock ticks in 10 ms, so the sides' timed batches must add up to hundreds of
     * them (lab04's 4b calls take about 70 ms).
     */
    private static final long WORK = 400L * Spin.UNIT;

    private static ExecutorService helper;

    @BeforeAll
    static void startHelper() {
        helper = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stopHelper() {
        helper.shutdownNow();
    }

    /** Half the work on the helper thread, half on the calling one, at once. */
    private static long split(long[] input) {
        Future<Long> half = helper.submit(() -> Spin.work(input[0], WORK / 2));
        long mine = Spin.work(input[0] + 1, WORK / 2);
        try {
            return mine + half.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BusyCpus measure(java.util.function.Function<long[], Long> candidate) {
        Verdict verdict = SpeedUp.of("busy CPUs", Spin::input, Spin.side(2 * WORK), candidate)
                .verifiedBy(Spin.ANY_ANSWER).clock(Clock.WALL).atLeast(1.2).seed(7).measure();
        BusyCpus busy = Verdict.fromJson(verdict.toJson()).busyCpus();
        assertEquals(verdict.busyCpus(), busy, "the serialised form keeps it");
        return busy;
    }

    @Test
    void oneThreadKeepsAboutOneCpuBusy() {
        BusyCpus busy = measure(Spin.side(WORK));
        assertTrue(busy.baseline() > 0.5 && busy.baseline() < 1.5, busy::toString);
        assertTrue(busy.candidate() > 0.5 && busy.candidate() < 1.5, busy::toString);
    }

    @Test
    void twoThreadsAtOnceKeepAboutTwoBusy() {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one CPU: nothing runs at once");
        BusyCpus busy = measure(BusyCpusTest::split);
        assertTrue(busy.candidate() > 1.4 && busy.extra() > 0.4, busy::toString);
        // half the baseline's work, split: half its CPU time a call
        assertTrue(busy.cpuRatio() > 0.3 && busy.cpuRatio() < 0.8, busy::toString);
    }
}
