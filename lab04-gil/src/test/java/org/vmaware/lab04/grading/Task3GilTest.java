package org.vmaware.lab04.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.CheckContext;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.InconclusiveException;
import org.vmaware.grader.KeyedRandom;
import org.vmaware.lab04.Gil;
import org.vmaware.lab04.NewGil;
import org.vmaware.lab04.OldGil;

/**
 * Task 3: the GIL, old and new. 3a holds on every machine: one holder at a time, and CPU-bound threads gain nothing.
 * 3b compares an I/O thread's wait under both designs, which only means something where two CPUs are free: on one
 * CPU the old design's starvation mostly disappears (the scheduler hands the CPU to the woken thread). So 3b first
 * measures the parallelism it can get, and says INCONCLUSIVE, with the measurement, where it cannot get it.
 */
@DisplayName("Task 3: the GIL")
class Task3GilTest {

    @Graded(task = 3, points = Rubric.GIL_POINTS, starter = Expect.PASS)
    @DisplayName("3a one holder at a time, and two CPU-bound threads are no faster than one, under either GIL")
    void exclusionAndNoSpeedUp() throws InterruptedException {
        GilExperiment.Result mixed = GilExperiment.ioBesideCpu(new NewGil(Rubric.SWITCH_INTERVAL_MICROS), 500);
        assertEquals(1, mixed.maxHolders(), "threads running ticks at the same time under NewGil: " + mixed.describe());
        assertTrue(mixed.served() > 0, "the I/O thread never got the GIL in 0.5 s: " + mixed.describe());
        requireNoSpeedUp("the old GIL (given)", () -> new OldGil(100));
        requireNoSpeedUp("your NewGil", () -> new NewGil(Rubric.SWITCH_INTERVAL_MICROS));
    }

    /**
     * Two CPU-bound threads against one, on the same ticks, 7 runs of each, interleaved; the speed-up compares the
     * fastest run of each. Interference from elsewhere only ever slows a run, so the fastest runs are the ones it
     * touched least, and a GIL keeps the two-thread run from beating the one-thread run.
     */
    private static void requireNoSpeedUp(String which, Supplier<Gil> gil) throws InterruptedException {
        long fastestOne = Long.MAX_VALUE;
        long fastestTwo = Long.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            fastestOne = Math.min(fastestOne, GilExperiment.cpuBound(gil.get(), 1, Rubric.CPU_TICKS));
            fastestTwo = Math.min(fastestTwo, GilExperiment.cpuBound(gil.get(), 2, Rubric.CPU_TICKS));
        }
        double speedUp = (double) fastestOne / fastestTwo;
        CheckContext.current().note(String.format(Locale.ROOT, "the same %,d ticks under %s: fastest of 7 runs, one"
                + " thread %.1f ms, two threads %.1f ms (speed-up %.2fx)", Rubric.CPU_TICKS, which, fastestOne / 1e6,
                fastestTwo / 1e6, speedUp));
        if (speedUp > Rubric.GIL_SPEEDUP_MAX) {
            throw new AssertionFailedError(String.format(Locale.ROOT, "two CPU-bound threads under %s finished %.2fx"
                    + " faster than one (fastest of 7 runs each): a GIL lets one thread run at a time, so they should"
                    + " gain nothing (at most %.1fx)", which, speedUp, Rubric.GIL_SPEEDUP_MAX));
        }
    }

    @Graded(task = 3, points = Rubric.GIL_WAIT_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            machineDependent = "the old GIL starves a waiting thread only where two CPUs are free")
    @DisplayName("3b an I/O thread's wait is bounded by the switch interval (where two CPUs are free)")
    void boundedWait() throws InterruptedException {
        // on any machine: a waiter asks for the GIL only after a switch interval, so it cannot pass more often. At
        // intervals drawn for the run, so no GIL can behave only at the interval the checks use
        KeyedRandom intervals = GradingSettings.current().random("gil switch intervals");
        for (long interval : new long[] {1_000 + intervals.nextLong(500), 4_000 + intervals.nextLong(2_000)}) {
            requireFewHandOvers(interval);
        }
        double cpus = FreeCpus.measure(200);
        if (cpus < FreeCpus.NEEDED) {
            throw new InconclusiveException("inconclusive on this machine: " + FreeCpus.describe(cpus) + ", and the"
                    + " old GIL's starvation needs two free CPUs (on one, the scheduler hands the CPU to the woken I/O"
                    + " thread). This machine cannot decide this check: it needs two free CPUs. Not scored; ask your"
                    + " instructor where it is graded.");
        }
        GilExperiment.Result old = GilExperiment.ioBesideCpu(new OldGil(100), Rubric.WAIT_RUN_MILLIS);
        if (old.p99WaitMicros() <= Rubric.WAIT_P99_MAX_MICROS) {
            throw new InconclusiveException("inconclusive on this machine: " + FreeCpus.describe(cpus) + ", but the old"
                    + " GIL did not starve the I/O thread this time (" + old.describe() + "), so there is nothing to"
                    + " compare with. Not scored.");
        }
        GilExperiment.Result mine = GilExperiment.ioBesideCpu(new NewGil(Rubric.SWITCH_INTERVAL_MICROS),
                Rubric.WAIT_RUN_MILLIS);
        String both = String.format(Locale.ROOT, "old GIL: %s; your NewGil (switch interval %d µs): %s; %s",
                old.describe(), Rubric.SWITCH_INTERVAL_MICROS, mine.describe(), FreeCpus.describe(cpus));
        CheckContext.current().note(both);
        // every run of the student's GIL is held to one holder at a time, not only 3a's: a lock that lets go of
        // exclusion once it has run a while waits for nothing (red team 8)
        if (mine.maxHolders() != 1) {
            throw new AssertionFailedError(String.format(Locale.ROOT, "%d threads held your NewGil at the same time:"
                    + " a GIL lets one thread run at a time, always.%n%s", mine.maxHolders(), both));
        }
        // the p99 leaves out one long wait among hundreds: a GIL that starves the I/O thread once, and is fair
        // after, is still a GIL that starves it
        if (mine.maxWaitMicros() > Rubric.WAIT_LONGEST_MAX_MICROS) {
            throw new AssertionFailedError(String.format(Locale.ROOT, "an I/O thread waited %.0f µs for your NewGil"
                    + " once, more than %d µs: its wait must be bounded by the switch interval every time, from the"
                    + " first request to the last.%n%s", mine.maxWaitMicros(), Rubric.WAIT_LONGEST_MAX_MICROS, both));
        }
        if (mine.p99WaitMicros() > Rubric.WAIT_P99_MAX_MICROS) {
            throw new AssertionFailedError(String.format(Locale.ROOT, "an I/O thread waited up to %.0f µs (p99) for"
                    + " your NewGil, more than %d µs: a waiting thread must set a drop request after the switch"
                    + " interval, and the holder must release at its next tick and not take the GIL straight back.%n%s",
                    mine.p99WaitMicros(), Rubric.WAIT_P99_MAX_MICROS, both));
        }
        // A pass counts only if the machine could still starve a waiting thread after your run: load that arrived
        // during it (one CPU taken away) would let any GIL's waiter through, the starter's too.
        double cpusAfter = FreeCpus.measure(200);
        GilExperiment.Result oldAgain = GilExperiment.ioBesideCpu(new OldGil(100), Rubric.WAIT_RUN_MILLIS);
        if (cpusAfter < FreeCpus.NEEDED || oldAgain.p99WaitMicros() <= Rubric.WAIT_P99_MAX_MICROS) {
            throw new InconclusiveException("inconclusive on this machine: after your run, "
                    + FreeCpus.describe(cpusAfter) + " and the old GIL " + (oldAgain.p99WaitMicros() <= Rubric.WAIT_P99_MAX_MICROS
                            ? "no longer starved the I/O thread (" + oldAgain.describe() + ")" : "still starved it")
                    + ", so the machine changed while it ran: this check needs two CPUs free throughout. Not scored;"
                    + " ask your instructor where it is graded.");
        }
    }

    /** Fails if the GIL passed between two CPU-bound threads more often than its switch interval lets it. */
    private static void requireFewHandOvers(long intervalMicros) throws InterruptedException {
        int handOvers = GilExperiment.handOvers(new NewGil(intervalMicros), Rubric.HAND_OVER_RUN_MILLIS);
        long most = Math.round(Rubric.HAND_OVERS_PER_INTERVAL_MAX * Rubric.HAND_OVER_RUN_MILLIS * 1000 / intervalMicros)
                + Rubric.HAND_OVERS_SLACK;
        CheckContext.current().note(String.format(Locale.ROOT, "two CPU-bound threads for %d ms under your NewGil"
                + " (switch interval %d µs): %d hand-overs (at most %d)", Rubric.HAND_OVER_RUN_MILLIS, intervalMicros,
                handOvers, most));
        if (handOvers > most) {
            throw new AssertionFailedError(String.format(Locale.ROOT, "two CPU-bound threads ran %d ms under your"
                    + " NewGil (switch interval %d µs) and it passed between them %d times, more than the %d its"
                    + " interval allows: a waiting thread asks for a switch only after a whole interval without one,"
                    + " and the holder lets go only then (a fair lock that hands over at every request is no GIL of"
                    + " CPython's)", Rubric.HAND_OVER_RUN_MILLIS, intervalMicros, handOvers, most));
        }
    }
}
