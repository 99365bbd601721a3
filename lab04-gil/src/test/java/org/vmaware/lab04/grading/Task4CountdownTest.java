package org.vmaware.lab04.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.grader.InconclusiveException;
import org.vmaware.grader.Outcome;
import org.vmaware.grader.timing.BusyCpus;
import org.vmaware.grader.timing.Verdict;
import org.vmaware.lab04.Countdown;

/**
 * Task 4: Java has no GIL, so two threads each counting half finish in about half the time, where two CPUs are free.
 * Timed by wall time (the point is that the work runs on two threads at once), and only where the check first
 * measured two free CPUs; elsewhere it is INCONCLUSIVE, with the measurement. The one-thread side and the expected
 * checksum are the tests' own ({@link Baselines#countdownChecksum}); the student's {@code Countdown} is only ever the
 * candidate.
 */
@DisplayName("Task 4: no GIL")
class Task4CountdownTest {

    @Graded(task = 4, points = Rubric.COUNTER_POINTS, starter = Expect.PASS,
            calls = "Countdown#twoThreads")
    @DisplayName("4a twoThreads returns oneThread's checksum")
    void sameChecksum() {
        // lengths and salts drawn for this run, odd and even, so no table of answers can stand in for the count
        RandomGenerator random = GradingSettings.current().random("countdown checksum");
        for (long n : new long[] {0, 1, 2, 3, 1001, 1_000_000}) {
            long salt = random.nextLong();
            assertEquals(Baselines.countdownChecksum(n, 0, salt), Countdown.twoThreads(n, salt),
                    "twoThreads(" + n + ", " + salt + ")");
        }
        for (int i = 0; i < 20; i++) {
            long n = random.nextLong(2_000_000);
            long salt = random.nextLong();
            assertEquals(Baselines.countdownChecksum(n, 0, salt), Countdown.twoThreads(n, salt),
                    "twoThreads(" + n + ", " + salt + ")");
        }
    }

    @Graded(task = 4, points = Rubric.PARALLEL_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            machineDependent = "two threads can beat one only where two CPUs are free",
            calls = "Countdown#twoThreads")
    @DisplayName("4b two threads beat one (where two CPUs are free)")
    void twoThreadsAreFaster() {
        double cpus = FreeCpus.measure(200);
        if (cpus < FreeCpus.NEEDED) {
            throw inconclusive(cpus);
        }
        Verdict verdict = new CountdownComparison()
                .speedUp("two threads vs one, a countdown of about " + Rubric.COUNTDOWN + " steps")
                .atLeast(Rubric.PARALLEL_TARGET)
                .hint(Hints.forCheck("4b"))
                .measure();
        String notParallel = notParallel(verdict);
        if (verdict.outcome() != Outcome.PASS || notParallel != null) {
            double now = FreeCpus.measure(200);
            if (now < FreeCpus.NEEDED) {
                // the machine got busy while it measured: not the student's doing
                throw inconclusive(now);
            }
        }
        if (notParallel != null) {
            throw new AssertionFailedError(verdict.message() + System.lineSeparator() + notParallel);
        }
        verdict.require();
    }

    /**
     * Why a verdict that would be credited is not two threads' work at once, or null: faster, but on one CPU at a
     * time (red team 17), or on two CPUs that spent more CPU time than the one-thread countdown (red team 18: a
     * faster thread beside one that only spins).
     */
    private static String notParallel(Verdict verdict) {
        if (verdict.outcome() != Outcome.PASS && verdict.outcome() != Outcome.PARTIAL) {
            return null;
        }
        BusyCpus busy = verdict.busyCpus();
        if (busy.extra() < Rubric.PARALLEL_EXTRA_CPUS) {
            return String.format(Locale.ROOT, "but not on two CPUs at once: while it was timed your twoThreads kept"
                    + " %.2f CPUs busy and the one-thread countdown %.2f, and two threads at once keep about one more"
                    + " busy (at least %.2f more needed). Count the two halves in two threads that run at the same"
                    + " time.", busy.candidate(), busy.baseline(), Rubric.PARALLEL_EXTRA_CPUS);
        }
        if (busy.cpuRatio() > Rubric.PARALLEL_MAX_CPU_RATIO) {
            return String.format(Locale.ROOT, "but not the same work split in two: a call of your twoThreads took"
                    + " %.2f times the CPU time of the one-thread countdown, all threads together (at most %.2f):"
                    + " two threads that each count half spend what one thread does.", busy.cpuRatio(),
                    Rubric.PARALLEL_MAX_CPU_RATIO);
        }
        return null;
    }

    private static InconclusiveException inconclusive(double cpus) {
        return new InconclusiveException("inconclusive on this machine: " + FreeCpus.describe(cpus) + ", and two"
                + " threads can beat one only on two free CPUs, so this machine cannot decide this check. Not scored;"
                + " ask your instructor where it is graded.");
    }
}
