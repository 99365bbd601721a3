package org.vmaware.grader.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledOnJre;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vmaware.grader.pipeline.Grading;
import org.vmaware.grader.pipeline.LabHome;

/**
 * Submissions that earned points they should not have, graded as a course grades them, with the real labs: each
 * must earn no point on the check it attacked, and no more in all than the pristine starter can (lab04's starter
 * earns 3, and 2b's 2 by chance: its deadlock-prone bank is declared {@code Expect.ANY}). The folders are in
 * {@code src/test/submissions}; each file says what it does and why it once worked.
 *
 * <p>Every row on JDK 17, each grading costing 20 to 30 s; on JDK 25 only the rows whose checks read what the JVM
 * allocates and keeps, which the JDK changes (lab02's generator bodies are virtual threads there, whose stacks are on
 * the heap).</p>
 */
class LabAttacksTest {

    /** A submission's list of the reference's files it is graded with, one path under src/solution/java a line. */
    private static final String REFERENCE_FILES = "reference-files.txt";

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0} ({1}): no point on {2}, at most {3} in all")
    @EnabledOnJre(JRE.JAVA_17)
    @CsvSource(delimiter = '|', value = {
        // red team 8: a GIL that lets a waiter skip the lock once it has run a while (two holders, one long wait)
        "rt8-gil-late-bypass          | lab04-gil        | 3.2 | 5",
        // red team 8: a table of the four questions 1d used to ask
        "rt8-racemodel-table          | lab04-gil        | 1.4 | 5",
        // red team 8: every term computed ahead below 20,000 terms, the probe counted as they are handed out
        "rt8-fib-eager-below-threshold | lab02-generators | 3.2 | 9",
        // red team 9: full collections of garbage it made, forced while the naive side of 4b is timed by wall time
        "rt9-gc-pause-baseline-nospin | lab04-gil        | 4.2 | 5",
        // red team 15: the naive loops of 3b and 5b, each call split with a spinning helper thread, once passed
        // both where the thread clock was too coarse for their 10 us batches and wall time timed them
        "rt15-l01-split-helper        | lab01-loops      | 3.2 5.2 | 7",
        // red team 17: no second thread, the countdown in one thread whose loop C2 vectorized (1.7x on the old step)
        "rt17-l04-one-thread-vector   | lab04-gil        | 4.2 | 5",
        // red team 18: a thread 1.3x faster than the tests' countdown beside a second that only spins
        "rt18-l04-spinner-beside-fast-thread | lab04-gil  | 4.2 | 5",
        // red team 9: the naive loops, with sums remembered per array and corrected for the one changed element
        // (2b and 4b may pass: their compare reads in the order the tasks teach, docs/threat-model.md)
        "rt9-remembered-arrays        | lab01-loops      | 1.4 1.5 1.6 3.2 5.2 | 11",
        // red team 10: the next 1,000 terms computed at once whenever the buffer runs dry, after the first three
        // (its Generator is the reference's, so task 2's 10 points are earned)
        "rt10-fib-read-ahead          | lab02-generators | 3.2 3.3 | 12",
        // red team 10: the pipeline's total summed from the formula the records were made by, with no text
        "rt10-pipeline-formula        | lab02-generators | 4.1 4.2 | 6",
        // red team 10: counters that count per thread and add up in get(), with nothing shared; the decoys take a
        // lock of their own thread's at the point; the last one locks only around the point (1a passes: the residual)
        "rt10-lab04-thread-confined    | lab04-gil        | 1.1 1.2 1.3 | 5",
        "rt10-lab04-confined-decoys    | lab04-gil        | 1.1 1.2 1.3 | 5",
        "rt10-lab04-confined-lock-at-point | lab04-gil    | 1.2 1.3 | 6",
        // red team 10: GILs that hand over at every request (a fair flag; a fair ReentrantLock)
        "rt10-lab04-fair-flag         | lab04-gil        | 3.2 | 5",
        "rt10-lab04-fair-lock         | lab04-gil        | 3.2 | 5",
        // red team 11: a counter whose AtomicLong and LongAdder are subclasses that add up per-thread cells (its 1a
        // is a real synchronized counter: 1 point, beside the starter's 3 and 2b's 2 by chance)
        "rt11-l04-counter-subclass    | lab04-gil        | 1.2 1.3 | 6",
        // red team 11: one long accumulator on whole numbers, chosen by looking at the array's ends
        "rt11-l01-acc-integer         | lab01-loops      | 5.1 5.2 | 7",
        // red team 11: a static table of the first 10,000 terms filled at the first call, handed out allocating
        // nothing (3b measured after 3a had paid for it); 3c's 30,000 terms are computed lazily, and earn its points
        "rt12-l02-static-table        | lab02-generators | 3.2 | 14",
        // red team 12: terms computed ahead in batches into slots reused for every batch, which allocates nothing (an
        // 80 KB arena; the same with 12 KB arenas): each sequence keeps its batch, and a crowd of them keeps as many
        "rt12-l02-reused-buffers      | lab02-generators | 3.2 3.3 | 12",
        "rt12-l02-small-arenas        | lab02-generators | 3.2 3.3 | 12",
        // red team 13: batches of 64 terms kept in the long locals of a parked platform thread's deep frames, off the
        // heap (its Countdown and Pipeline are the reference's)
        "rt13-l02-stack-store         | lab02-generators | 3.2 3.3 | 18",
        // red team 14: one worker thread shared by every sequence, started by the first, its batch on its stack
        "rt14-l02-shared-stack-worker | lab02-generators | 3.2 3.3 | 18",
    })
    void earnsNothingItAttacked(String submission, String lab, String attacked, double max) throws Exception {
        assertEarnsNothingItAttacked(submission, lab, attacked, max);
    }

    @ParameterizedTest(name = "{0} ({1}): no point on {2}, at most {3} in all")
    @EnabledForJreRange(min = JRE.JAVA_21)
    @CsvSource(delimiter = '|', value = {
        "rt12-l02-static-table        | lab02-generators | 3.2 | 14",
        "rt12-l02-reused-buffers      | lab02-generators | 3.2 3.3 | 12",
        "rt12-l02-small-arenas        | lab02-generators | 3.2 3.3 | 12",
        "rt13-l02-stack-store         | lab02-generators | 3.2 3.3 | 18",
        "rt14-l02-shared-stack-worker | lab02-generators | 3.2 3.3 | 18",
    })
    void earnsNothingOnTheNewestJdk(String submission, String lab, String attacked, double max) throws Exception {
        assertEarnsNothingItAttacked(submission, lab, attacked, max);
    }

    /**
     * The submission as graded: where its folder lists files in {@value #REFERENCE_FILES}, those are the reference's,
     * copied beside its own, so that an attack on one file keeps the points of the others without a copy of them.
     */
    private Path withReferenceFiles(Path submission, String lab) throws IOException {
        Path list = submission.resolve(REFERENCE_FILES);
        if (!Files.exists(list)) {
            return submission;
        }
        Path merged = Files.createDirectories(out.resolve("submission"));
        try (Stream<Path> files = Files.walk(submission)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!file.equals(list)) {
                    Path to = merged.resolve(submission.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
        }
        Path solution = REPOSITORY.resolve(lab).resolve("src/solution/java");
        for (String name : Files.readAllLines(list)) {
            if (!name.isBlank()) {
                Path to = merged.resolve(name.strip());
                Files.createDirectories(to.getParent());
                Files.copy(solution.resolve(name.strip()), to);
            }
        }
        return merged;
    }

    private void assertEarnsNothingItAttacked(String submission, String lab, String attacked, double max)
            throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        JsonNode results = Grading.grade(LabHome.inRepository(REPOSITORY, lab),
                withReferenceFiles(Path.of("src/test/submissions", submission).toAbsolutePath(), lab), out, null,
                "full",
                new PrintStream(log, true, StandardCharsets.UTF_8));
        String seen = log.toString(StandardCharsets.UTF_8);
        for (String check : attacked.split(" ")) {
            boolean found = false;
            for (JsonNode test : results.path("tests")) {
                if (test.path("number").asText().equals(check)) {
                    found = true;
                    assertEquals(0, test.path("score").asDouble(), () -> check + " earned points:\n"
                            + test.path("output").asText());
                }
            }
            assertTrue(found, () -> "no check " + check + " in the report:\n" + seen);
        }
        StringBuilder scored = new StringBuilder();
        results.path("tests").forEach(t -> scored.append(t.path("score").asDouble() > 0
                ? t.path("number").asText() + " " + t.path("score").asDouble() + "; " : ""));
        assertTrue(results.path("score").asDouble() <= max, () -> "scored " + results.path("score") + " of at most "
                + max + ": " + scored + "\n" + seen);
    }
}
