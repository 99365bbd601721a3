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
        if (verdict.outcome() != Outcome.PASS) {
            double now = FreeCpus.measure(200);
            if (now < FreeCpus.NEEDED) {
                // the machine got busy while it measured: not the student's doing
                throw inconclusive(now);
            }
        }
        boolean credited = verdict.outcome() == Outcome.PASS || verdict.outcome() == Outcome.PARTIAL;
        if (credited && verdict.busyCpus().extra() < Rubric.PARALLEL_EXTRA_CPUS) {
            // faster, but not at once on two CPUs: a quicker loop on one thread is not the lesson (red team 17)
            throw new AssertionFailedError(String.format(Locale.ROOT, "%s%nbut not on two CPUs at once: while it was"
                    + " timed your twoThreads kept %.2f CPUs busy and the one-thread countdown %.2f, and two threads at"
                    + " once keep about one more busy (at least %.1f more needed). Count the two halves in two threads"
                    + " that run at the same time.", verdict.message(), verdict.busyCpus().candidate(),
                    verdict.busyCpus().baseline(), Rubric.PARALLEL_EXTRA_CPUS));
        }
        verdict.require();
    }

    private static InconclusiveException inconclusive(double cpus) {
        return new InconclusiveException("inconclusive on this machine: " + FreeCpus.describe(cpus) + ", and two"
                + " threads can beat one only on two free CPUs, so this machine cannot decide this check. Not scored;"
                + " ask your instructor where it is graded.");
    }
}
