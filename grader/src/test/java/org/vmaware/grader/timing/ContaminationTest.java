package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The contamination rules alone, on synthetic per-batch readings: no thread, no clock. */
class ContaminationTest {

    private static final long BATCH = 2_500_000L;

    /** Rounds where another thread uses {@code baselineOther} and {@code candidateOther} CPUs per unit of own. */
    private static Contamination rounds(int rounds, double baselineOther, double candidateOther) {
        Contamination c = new Contamination(true, true);
        for (int r = 0; r < rounds; r++) {
            batch(c.baseline, baselineOther);
            batch(c.candidate, candidateOther);
        }
        return c;
    }

    private static void batch(Contamination.Side side, double other) {
        long others = Math.round(other * BATCH);
        side.add(BATCH, BATCH + others, others, BATCH + others, BATCH, 0, 100, 0, 0);
    }

    @Test
    void aSteadyNeighbourIsChargedToTheCandidate() {
        // a helper that never rests looks the same beside both sides (red team 6), so no difference shows it; but
        // no thread of the tests runs beside the candidate, so what runs there is the candidate's cost
        Contamination c = rounds(12, 1.0, 1.0);
        assertTrue(c.offloaded());
        assertEquals(0, c.interference());
        assertTrue(c.notes().get(0).contains("other threads ran while your code was timed (100%"), c.notes()::toString);
        double[] ratios = c.allThreadRatios(new double[] {1000}, new double[] {1000}, 1);
        assertEquals(1.0, ratios[0], 1e-9, "the baseline by its own thread, the candidate by all threads");
    }

    @Test
    void aLittleCpuBesideTheCandidateIsNotOffloading() {
        // the JVM's own service threads (reference handling, the cleaner) run now and then
        Contamination c = rounds(12, 0.05, 0.05);
        assertFalse(c.offloaded());
        assertEquals(0, c.interference());
        assertTrue(c.notes().isEmpty());
    }

    @Test
    void aFewPreemptedBatchesOfASteadyNeighbourAreNotInterference() {
        // the measuring thread lost the CPU for 10 ms in two baseline batches while the neighbour ran on: in the
        // sums that is 1.3 more CPU per unit during the baseline, in the median of the rounds nothing
        Contamination c = rounds(10, 0.05, 0.05);
        batch(c.baseline, 5.0);
        batch(c.candidate, 0.05);
        batch(c.baseline, 5.0);
        batch(c.candidate, 0.05);
        assertEquals(0, c.interference());
        assertFalse(c.offloaded());
    }

    @Test
    void theMeasuringThreadsOwnClocksDisagreeingIsNoInterference() {
        // engine 6.2.0 took other threads' CPU as all threads' less the measuring thread's own clock: two clocks,
        // read at different moments, 2 to 30 us apart, a whole share of lab01's 10 us batches. A busy campaign
        // failed the reference's 3b for "149% more" beside the baseline, where no other thread ran
        Contamination c = new Contamination(false, true);
        for (int r = 0; r < 12; r++) {
            c.baseline.add(BATCH, BATCH + 3 * BATCH / 2, 0, BATCH + 3 * BATCH / 2, BATCH, 0, 5, 0, 0);
            c.candidate.add(BATCH, BATCH, 0, BATCH, BATCH, 0, 16, 0, 0);
        }
        assertEquals(0, c.interference(), "no other thread ran");
    }

    @Test
    void aThreadThatRunsOnlyBesideTheBaselineIsInterference() {
        Contamination c = rounds(12, 1.0, 0.0);
        assertEquals(1.0, c.interference(), 1e-9);
        assertTrue(c.notes().get(0).contains("100% more CPU while the naive baseline was timed"), c.notes()::toString);
        assertFalse(c.offloaded());
    }

    @Test
    void workOnAHelperThreadIsOffloading() {
        Contamination c = rounds(12, 0.0, 3.0);
        assertTrue(c.offloaded());
        assertEquals(0, c.interference());
        assertTrue(c.notes().get(0).contains("other threads ran while your code was timed"), c.notes()::toString);
    }

    @Test
    void startingThreadsIsOffloadingWhateverTheClockSaw() {
        Contamination c = new Contamination(true, true);
        for (int r = 0; r < 12; r++) {
            batch(c.baseline, 0);
            c.candidate.add(BATCH, BATCH, 0, 4 * BATCH, BATCH, 0, 100, 5, 0);
        }
        assertTrue(c.offloaded());
        double[] ratios = c.allThreadRatios(new double[] {1000}, new double[] {10}, 1);
        assertTrue(ratios[0] < 100, "the process-only CPU time is charged to the side that started threads");
        assertTrue(c.notes().get(0).contains("threads started or ended while your code was timed (60 over 1,200"
                + " calls"), c.notes()::toString);
    }

    @Test
    void threadsThatEndWithinTheCandidatesBatchesAreOffloading() {
        // helpers started long before, each of which does one call's work and ends before the batch does: no live
        // thread shows their CPU, but the threads that ended and the process clock do
        Contamination c = new Contamination(true, true);
        for (int r = 0; r < 12; r++) {
            batch(c.baseline, 0);
            c.candidate.add(BATCH, BATCH, 0, 20 * BATCH, BATCH, 0, 100, 0, 100);
        }
        assertTrue(c.offloaded());
        double[] ratios = c.allThreadRatios(new double[] {1000}, new double[] {10}, 1);
        assertTrue(ratios[0] < 100, "the process-only CPU time is charged to the side whose threads ended");
    }

    @Test
    void aHelperThatServesAWholeBatchAndEndsWithItIsOffloading() {
        // red team 5's second form: one helper per batch of hundreds of calls, so fewer ends than one a hundred calls
        Contamination c = new Contamination(true, true);
        Contamination stray = new Contamination(true, true);
        for (int r = 0; r < 12; r++) {
            batch(c.baseline, 0);
            c.candidate.add(BATCH, BATCH, 0, 2 * BATCH, BATCH, 0, 400, 0, 1);
            batch(stray.baseline, 0);
            // one thread of an earlier test that happens to end during one batch
            stray.candidate.add(BATCH, BATCH, 0, BATCH, BATCH, 0, 400, 0, r == 5 ? 1 : 0);
        }
        assertTrue(c.offloaded());
        assertFalse(stray.offloaded());
    }

    @Test
    void workThatOnlyTheProcessClockSawIsOffloading() {
        Contamination hidden = new Contamination(true, true);
        Contamination gcNoise = new Contamination(true, true);
        for (int r = 0; r < 12; r++) {
            batch(hidden.baseline, 0);
            hidden.candidate.add(BATCH, BATCH, 0, 5 * BATCH, BATCH, 0, 100, 0, 0);
            batch(gcNoise.baseline, 0);
            // the GC's and the JIT's share, and a tick of the process clock: not work of the candidate's
            gcNoise.candidate.add(BATCH, BATCH, 0, 2 * BATCH, BATCH, 0, 100, 0, 0);
        }
        assertTrue(hidden.offloaded());
        assertFalse(gcNoise.offloaded());
    }

    @Test
    void theJitCompilingBesideBothSidesIsNotHiddenWork() {
        // lab01 5b's reference on JDK 25 in CI: C2 compiled through the timed batches of both sides (the compiler
        // threads are no Java threads, so only the process clock saw them), 3.2 times the measuring thread's CPU
        // beside the candidate, and the 10 ms ticks as unkind to the baseline; charged to the candidate, it failed
        // 6.3 us vs 1.7 us per call at 0.87x
        Contamination c = new Contamination(true, true);
        for (int r = 0; r < 12; r++) {
            c.baseline.add(BATCH, BATCH, 0, Math.round(4.0 * BATCH), BATCH, 0, 400, 0, 0);
            c.candidate.add(BATCH, BATCH, 0, Math.round(4.2 * BATCH), BATCH, 0, 1500, 0, 0);
        }
        assertFalse(c.offloaded(), c.notes()::toString);
        assertTrue(c.notes().isEmpty(), c.notes()::toString);
    }

    @Test
    void hiddenWorkBeyondTheJitsBackgroundIsOffloading() {
        // the same JIT beside both sides, and a candidate that hides four times its own CPU more than that
        Contamination c = new Contamination(true, true);
        for (int r = 0; r < 12; r++) {
            c.baseline.add(BATCH, BATCH, 0, 2 * BATCH, BATCH, 0, 100, 0, 0);
            c.candidate.add(BATCH, BATCH, 0, 6 * BATCH, BATCH, 0, 100, 0, 0);
        }
        assertTrue(c.offloaded());
        double[] ratios = c.allThreadRatios(new double[] {BATCH / 100.0}, new double[] {BATCH / 100.0}, 1);
        assertEquals(0.2, ratios[0], 1e-6, "charged what the process clock saw beyond the baseline's background");
        assertTrue(c.notes().get(0).contains("the process used"), c.notes()::toString);
    }

    @Test
    void threadsThatEndBesideTheBaselineRaiseNoAllowanceForTheCandidate() {
        // a submission's helpers that end within the baseline's batches put CPU on its process clock only: taken as
        // the JVM's background, it would let the candidate hide as much
        Contamination c = new Contamination(true, true);
        for (int r = 0; r < 12; r++) {
            c.baseline.add(BATCH, BATCH, 0, 6 * BATCH, BATCH, 0, 100, 0, 1);
            c.candidate.add(BATCH, BATCH, 0, 6 * BATCH, BATCH, 0, 100, 0, 0);
        }
        assertTrue(c.offloaded());
    }

    @Test
    void underTheWallClockHogsBesideTheBaselineAreInterferenceAndHelpersAreNotOffloading() {
        // two threads vs one by wall time: the candidate's second thread is the lesson, not offloading; threads
        // that take the CPUs while the one-thread baseline is timed are interference
        Contamination honest = new Contamination(false, true);
        Contamination hogs = new Contamination(false, true);
        for (int r = 0; r < 12; r++) {
            batch(honest.baseline, 0.0);
            batch(honest.candidate, 1.0);
            batch(hogs.baseline, 2.0);
            batch(hogs.candidate, 1.0);
        }
        assertFalse(honest.offloaded());
        assertEquals(0, honest.interference());
        assertFalse(hogs.offloaded());
        assertEquals(1.0, hogs.interference(), 1e-9);
    }

    @Test
    void withoutTheThreadsOwnCpuNothingIsJudged() {
        Contamination c = new Contamination(true, false);
        for (int r = 0; r < 12; r++) {
            batch(c.baseline, 3.0);
            batch(c.candidate, 0.0);
        }
        assertEquals(0, c.interference());
        assertFalse(c.offloaded());
    }
}
