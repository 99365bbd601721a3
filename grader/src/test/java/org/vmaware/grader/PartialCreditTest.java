package org.vmaware.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;


import org.junit.jupiter.api.Test;
import org.vmaware.grader.fork.ForkedJvm;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Partial credit comes only from the engine's own exception (attack x04's class: code under test that records a
 * full fraction in the check context it can reach, then throws, earned the points).
 */
class PartialCreditTest {

    /** Graded checks run through the launcher below, not by Surefire (a nested class is not scanned). */
    static class Checks {
        @Graded(task = 1, points = 4, starter = Expect.FAIL)
        void recordsAFullFractionThenThrows() {
            CheckContext.current().record("forged", "forged", 1.0, Map.of());
            throw new IllegalStateException("nothing was implemented");
        }

        @Graded(task = 1, points = 4, starter = Expect.FAIL)
        void recordsAFullFractionThenFailsAnAssertion() {
            CheckContext.current().record("forged", "forged", 1.0, Map.of());
            throw new AssertionError("nothing was implemented");
        }

        @Graded(task = 1, points = 4, starter = Expect.FAIL)
        void theEngineProvesHalf() {
            throw new ScoredFailure("proven above the square root of the target", 0.5);
        }

        @Graded(task = 1, points = 4, starter = Expect.FAIL)
        void theEngineCouldNotDecideAboveAQuarter() {
            throw new InconclusiveException("too noisy", 0.25);
        }
    }

    /** Runs {@link Checks} in a JVM of its own (its grade book is not this one's) and prints each check's points. */
    public static final class Run {
        public static void main(String[] args) {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Checks.class)).build());
            GradeBook.get().results().forEach(r -> System.out.println("@points " + r.id().substring(r.id()
                    .indexOf('#') + 1) + " " + r.points()));
        }
    }

    @Test
    void onlyTheEnginesVerdictEarnsPartialPoints() {
        ForkedJvm.Result run = ForkedJvm.main(Run.class.getName()).flags("-Dgrade.reportDir="
                + System.getProperty("java.io.tmpdir")).run();
        assertEquals(0, run.exitCode(), run::output);
        assertEquals(0.0, points(run, "recordsAFullFractionThenThrows"));
        assertEquals(0.0, points(run, "recordsAFullFractionThenFailsAnAssertion"));
        assertEquals(2.0, points(run, "theEngineProvesHalf"));
        assertEquals(1.0, points(run, "theEngineCouldNotDecideAboveAQuarter"));
    }

    private static double points(ForkedJvm.Result run, String method) {
        return run.output().lines().filter(l -> l.startsWith("@points " + method + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError("no result for " + method + ":\n" + run.output()));
    }
}
