package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad submission the issue lists, graded by the real pipeline against the fixture lab (1 + 2 + 1 points):
 * each must yield a valid results.json with an honest score and a message that says what happened, within the
 * time limit.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BadSubmissionsTest {

    @TempDir
    Path out;

    private JsonNode grade(String submission) throws Exception {
        return grade(FixtureLab.home(), submission);
    }

    private JsonNode gradePolicyOff(String submission) throws Exception {
        JsonNode results = FixtureLab.grade(FixtureLab.home(), FixtureLab.SUBMISSIONS.resolve(submission), out, true);
        assertValid(results, FixtureLab.home(), 0);
        return results;
    }

    private JsonNode grade(LabHome lab, String submission) throws Exception {
        long start = System.nanoTime();
        JsonNode results = FixtureLab.grade(lab, submission == null ? null : FixtureLab.SUBMISSIONS.resolve(submission),
                out);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertValid(results, lab, seconds);
        return results;
    }

    /** A results.json Gradescope accepts, scored within the lab's points, and every report written. */
    private void assertValid(JsonNode results, LabHome lab, long seconds) throws IOException {
        assertEquals(3, results.path("tests").size(), () -> "three checks: " + results);
        double sum = 0;
        for (JsonNode test : results.path("tests")) {
            double score = test.path("score").asDouble(-1);
            assertTrue(score >= 0 && score <= test.path("max_score").asDouble(), () -> "score within bounds: " + test);
            assertTrue(List.of("passed", "failed").contains(test.path("status").asText()), test::toString);
            assertFalse(test.path("output").asText().isBlank() && !test.path("status").asText().equals("passed"),
                    () -> "a failed check says why: " + test);
            sum += score;
        }
        assertEquals(sum, results.path("score").asDouble(), 0.01, "the score is the sum of the checks'");
        assertTrue(seconds <= lab.runSeconds() + 30, "graded within the whole-run limit: " + seconds + " s");
        for (String file : List.of("results.json", "junit.xml", "summary.md", "report.html", "test-output.txt")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " written");
        }
    }

    private static void assertOutcome(JsonNode results, String method, String outcome, String... says) {
        JsonNode check = FixtureLab.check(results, method);
        assertEquals(outcome, check.path("extra_data").path("outcome").asText(), () -> FixtureLab.describe(results));
        for (String words : says) {
            assertTrue(check.path("output").asText().contains(words),
                    () -> "#" + method + " says '" + words + "': " + FixtureLab.describe(results));
        }
    }

    @Test
    void theReferenceEarnsEveryPoint() throws Exception {
        JsonNode results = grade(FixtureLab.DIR.resolve("src/solution/java").toString());
        assertEquals(4.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
        assertTrue(results.path("extra_data").path("student_files").path("org/vmaware/lab00/Joiner.java").asText()
                .startsWith("sha256:"), "provenance records what was graded");
    }

    @Test
    void theStarterEarnsCorrectnessOnly() throws Exception {
        JsonNode results = grade(null);
        assertEquals(2.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
        assertOutcome(results, "faster", "FAIL", "target");
        assertEquals("starter", results.path("extra_data").path("edition").asText());
    }

    @Test
    void inputsAreSeededFreshForEachRun() throws Exception {
        JsonNode first = grade(null);
        JsonNode second = grade(null);
        assertNotEquals(first.path("extra_data").path("seed").asLong(), second.path("extra_data").path("seed").asLong());
        assertTrue(first.path("output").asText().contains("fixture observation: the seed is "
                + first.path("extra_data").path("seed").asLong()), "the tests saw the run's seed");
    }

    @Test
    void compileError() throws Exception {
        JsonNode results = grade("compile-error");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "NOT RUN", "does not compile", "Joiner.java:5");
    }

    @Test
    void infiniteLoop() throws Exception {
        JsonNode results = grade(FixtureLab.home().withLimits(4, 60), "infinite-loop");
        assertEquals(0.0, results.path("score").asDouble());
        assertOneLimitForBoth(results, "4 s limit in Joiner.join (Joiner.java:", "endless loop");
        assertOutcome(results, "empty", "TIMED OUT");
    }

    @Test
    void wholeRunLimit() throws Exception {
        JsonNode results = grade(FixtureLab.home().withLimits(30, 5), "infinite-loop");
        assertEquals(0.0, results.path("score").asDouble());
        assertTrue(results.toString().contains("whole run reached its 5 s limit"), () -> FixtureLab.describe(results));
    }

    @Test
    void systemExit() throws Exception {
        JsonNode results = grade("system-exit");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "NOT RUN", "java.lang.System.exit is refused");
    }

    @Test
    void systemExitPastThePolicy() throws Exception {
        // if the policy missed it, the parent still survives and names the cause: the shutdown hook's frame came
        JsonNode results = gradePolicyOff("system-exit");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "CRASHED", "exit status 0", "System.exit");
        assertOutcome(results, "empty", "CRASHED");
    }

    @Test
    void runtimeHalt() throws Exception {
        JsonNode results = grade("runtime-halt");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "NOT RUN", "java.lang.Runtime.halt is refused");
    }

    @Test
    void runtimeHaltPastThePolicy() throws Exception {
        JsonNode results = gradePolicyOff("runtime-halt");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "CRASHED", "exit status 7", "Runtime.halt");
    }

    @Test
    void outOfMemory() throws Exception {
        JsonNode results = grade("out-of-memory");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "CRASHED", "ran out of memory");
    }

    @Test
    void aHugeFailureMessageCostsOnlyItsCheck() throws Exception {
        // the red team's a5: one 20-million-character message made every result of its JVM unreadable
        JsonNode results = grade("huge-message");
        assertEquals(3.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
        assertOutcome(results, "empty", "FAIL", "characters cut");
        assertTrue(FixtureLab.check(results, "empty").path("output").asText().length() < 10_000);
    }

    @Test
    void consoleControlsInAMessageArePrintedAsQuestionMarks() throws Exception {
        // red team 16: the code under test's exception message reached output, summary.md and junit.xml as it was
        JsonNode results = grade("console-controls");
        assertOutcome(results, "empty", "FAIL", "threw java.lang.IllegalStateException: ??[2K[PASS] empty 1/1??done");
        for (String report : List.of("results.json", "summary.md", "junit.xml", "report.html")) {
            String text = Files.readString(out.resolve(report));
            assertFalse(text.matches("(?s).*[\\r\\u001b\\u0085\\u202E].*"), () -> report + " keeps a control character");
        }
    }

    @Test
    void outOfMemoryAfterAFlood() throws Exception {
        // the cause comes from the exit status and the missing shutdown frame, not from output the code controls
        JsonNode results = grade("flood-then-out-of-memory");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "CRASHED", "ran out of memory");
        assertTrue(results.path("output").asText().contains("bytes dropped") || results.toString().contains("dropped"),
                "the flood was cut: " + results.path("output").asText());
    }

    @Test
    void stackOverflow() throws Exception {
        JsonNode results = grade("stack-overflow");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "FAIL", "StackOverflowError");
    }

    @Test
    void gigabyteOfOutput() throws Exception {
        JsonNode results = grade("gigabyte-output");
        assertEquals(4.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
        assertTrue(results.path("extra_data").path("output_bytes").asLong() >= 1L << 30, results::toString);
        assertTrue(results.path("output").asText().contains("bytes; the first"), "the report says output was dropped");
        assertTrue(Files.size(out.resolve("test-output.txt")) < 1 << 20, "the output kept is capped");
    }

    @Test
    void nonDaemonThreadThatNeverEnds() throws Exception {
        JsonNode results = grade("non-daemon-thread");
        assertEquals(4.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
        assertEquals(2, results.path("extra_data").path("test_jvms").asInt(),
                "one test JVM for the visible checks and one for the hidden, each ended on time");
    }

    @Test
    void deadlock() throws Exception {
        JsonNode results = grade(FixtureLab.home().withLimits(4, 60), "deadlock");
        assertEquals(0.0, results.path("score").asDouble());
        assertOneLimitForBoth(results, "in Joiner.join (Joiner.java:", "deadlock");
    }

    /**
     * The two visible checks both call Joiner.join, which never returns: the first to run says where it was (the
     * student's frame, none of the tests' or the grader's), and the other costs no second limit.
     */
    private static void assertOneLimitForBoth(JsonNode results, String... says) {
        boolean joinsFirst = FixtureLab.check(results, "joins").path("extra_data").path("outcome").asText()
                .equals("TIMED OUT");
        assertOutcome(results, joinsFirst ? "joins" : "faster", "TIMED OUT", says);
        assertOutcome(results, joinsFirst ? "faster" : "joins", "NOT RUN", "join already ran past its limit in "
                + (joinsFirst ? "1" : "2") + ", so this check would too");
    }

    @Test
    void resultCacheKeyedByInputIdentity() throws Exception {
        JsonNode results = grade("identity-cache");
        assertEquals(2.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
        assertOutcome(results, "faster", "FAIL", "target");
    }

    @Test
    void backgroundThreadThatSlowsTheBaseline() throws Exception {
        JsonNode results = grade("background-thread");
        assertEquals(2.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
        // the speed-up is never credited; where the saboteur did slow the naive side (a speed-up above the lowest
        // band's 1.2x), the verdict says why. Where it got no CPU beside the baseline (seen once on JDK 25), the
        // naive code measured about 1x and failed on its own.
        double measured = FixtureLab.check(results, "faster").path("extra_data").path("verdict").path("median").asDouble();
        assertOutcome(results, "faster", "FAIL", measured >= 1.2 ? new String[] {"ran beside the baseline"} : new String[0]);
    }

    @Test
    void workHandedToOtherThreads() throws Exception {
        JsonNode results = grade("offload-to-threads");
        assertEquals(2.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
        assertOutcome(results, "faster", "FAIL", "ran on other threads");
    }

    @Test
    void writingTheResultsFile() throws Exception {
        JsonNode results = grade("results-file");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "NOT RUN", "refused", "java.nio.file.Files");
    }

    @Test
    void classInTheGradersPackage() throws Exception {
        JsonNode results = grade("grader-package");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "NOT RUN", "org.vmaware.grader.Joiner", "not the lab's");
    }

    @Test
    void reflectionIntoTheGrader() throws Exception {
        JsonNode results = grade("reflection");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "NOT RUN", "java.lang.reflect.Field", "reflection");
    }

    @Test
    void readingTheReferenceSolutionFromDisk() throws Exception {
        JsonNode results = grade("read-reference");
        assertEquals(0.0, results.path("score").asDouble());
        assertOutcome(results, "joins", "NOT RUN", "java.nio.file.Files", "files");
    }

    @Test
    void hiddenChecksKeepTheirSecretsOutOfStudentReports() throws Exception {
        JsonNode results = grade("fails-hidden-check");
        assertEquals(3.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
        JsonNode hidden = FixtureLab.check(results, "empty");
        assertEquals("hidden", hidden.path("visibility").asText(), "Gradescope hides it");
        assertTrue(hidden.path("output").asText().contains("SECRET-EXPECTATION"), "the instructor still sees why");
        for (String report : List.of("summary.md", "report.html", "junit.xml")) {
            assertFalse(Files.readString(out.resolve(report)).contains("SECRET-EXPECTATION"), report + " keeps it hidden");
        }
        assertTrue(Files.readString(out.resolve("test-output.txt")).contains("hidden checks' JVM is not shown"),
                "hidden checks run in a JVM of their own, whose output is not shown");
        assertTrue(results.path("extra_data").path("test_jvms").asInt() >= 2, "a JVM for the hidden checks");
    }
}
