package org.vmaware.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.pipeline.Bundle;
import org.vmaware.grader.pipeline.FixtureLab;
import org.vmaware.grader.pipeline.Grading;
import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.LabHome;

/**
 * grade-batch over a folder of the fixture lab's submissions, in correctness mode (deterministic checks): its
 * gradebook equals single gradings with the same seeds; three shards, one after another and merged, equal one
 * unsharded run; a run killed part-way regrades nothing it had done; {@code --seeds-from} grades with the seeds a
 * gradebook recorded; a grading that fails gets a row and the batch goes on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BatchTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    private static final Path SUBMISSIONS = FixtureLab.DIR.resolve("submissions");

    @TempDir
    static Path temp;
    private static Path folder;
    private static List<Row> unsharded;

    /** Five students: the reference, the starter (an empty folder), a compile error, a cache of answers, a failed hidden check. */
    @BeforeAll
    static void submissions() throws IOException {
        folder = Files.createDirectories(temp.resolve("submissions"));
        copy(FixtureLab.DIR.resolve("src/solution/java/org/vmaware/lab00/Joiner.java"), "alice");
        Files.createDirectories(folder.resolve("bob"));
        copy(SUBMISSIONS.resolve("compile-error/Joiner.java"), "carol");
        copy(SUBMISSIONS.resolve("identity-cache/Joiner.java"), "dave");
        copy(SUBMISSIONS.resolve("fails-hidden-check/Joiner.java"), "erin");
    }

    private static void copy(Path file, String student) throws IOException {
        Files.copy(file, Files.createDirectories(folder.resolve(student)).resolve("Joiner.java"));
    }

    private static Batch.Options options(long seed, Shard shard) {
        return new Batch.Options("correctness", seed, shard, null, null);
    }

    @Test
    @Order(1)
    void theGradebookEqualsSingleGradingsWithTheSameSeeds() throws Exception {
        LabHome lab = FixtureLab.home();
        unsharded = Batch.run(lab, folder, temp.resolve("all"), options(42, Shard.ALL), QUIET, false);
        assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), unsharded.stream().map(Row::student).toList());
        assertEquals(unsharded, Gradebook.read(temp.resolve("all").resolve(Gradebook.FILE)), "the CSV reads back");
        for (Row row : unsharded) {
            assertEquals(Shard.seed(42, row.student()), row.seed(), "the stated seed rule");
            assertEquals("graded", row.status(), row::toString);
            Path single = temp.resolve("single").resolve(row.student());
            JsonNode results = Grading.grade(lab, folder.resolve(row.student()), single, row.seed(), "correctness", QUIET);
            assertEquals(Row.of(new Submission(row.student(), folder.resolve(row.student())), row.seed(), results, ""),
                    row, "a single grade run with the same seed");
        }
        assertEquals(2.0, unsharded.get(0).total(), "the reference earns every point of correctness mode");
        assertEquals(0.0, unsharded.get(2).total(), "a compile error none");
    }

    @Test
    @Order(2)
    void threeShardsMergedEqualOneUnshardedRun() throws Exception {
        List<Path> shards = new ArrayList<>();
        Set<String> graded = new HashSet<>();
        for (int k = 1; k <= 3; k++) {
            Path out = temp.resolve("shard-" + k);
            for (Row row : Batch.run(FixtureLab.home(), folder, out, options(42, new Shard(k, 3)), QUIET, false)) {
                assertTrue(graded.add(row.student()), "disjoint shards: " + row.student());
            }
            shards.add(out);
        }
        assertEquals(unsharded, Merge.merge(shards, temp.resolve("merged")), "score for score");
        assertEquals(unsharded, Gradebook.read(temp.resolve("merged").resolve(Gradebook.FILE)));

        GradingException missing = assertThrows(GradingException.class,
                () -> Merge.merge(shards.subList(0, 2), temp.resolve("refused")));
        assertTrue(missing.getMessage().startsWith("missing shards: [3] of 3"), missing.getMessage());
        GradingException twice = assertThrows(GradingException.class,
                () -> Merge.merge(List.of(shards.get(0), shards.get(1), shards.get(0)), temp.resolve("refused")));
        assertTrue(twice.getMessage().startsWith("overlapping shards"), twice.getMessage());
        assertTrue(Files.notExists(temp.resolve("refused").resolve(Gradebook.FILE)), "nothing written when refused");
    }

    @Test
    @Order(3)
    void seedsFromAGradebookGiveTheSameInputs() throws Exception {
        Map<String, Long> seeds = new LinkedHashMap<>();
        Gradebook.read(temp.resolve("all").resolve(Gradebook.FILE)).forEach(r -> seeds.put(r.student(), r.seed()));
        List<Row> again = Batch.run(FixtureLab.home(), folder, temp.resolve("regrade"),
                new Batch.Options("correctness", 7L, Shard.ALL, seeds, "gradebook.csv"), QUIET, false);
        assertEquals(unsharded, again, "the recorded seeds, not the new batch seed's");
    }

    @Test
    @Order(4)
    void aGradingThatFailsGetsARowAndTheBatchGoesOn() throws Exception {
        Batch.Grader failsForCarol = (lab, submission, out, seed, mode, log) -> {
            if (submission.getFileName().toString().equals("carol")) {
                throw new IOException("disk full");
            }
            return Grading.grade(lab, submission, out, seed, mode, log);
        };
        List<Row> rows = Batch.run(FixtureLab.home(), folder, temp.resolve("crash"), options(42, new Shard(1, 1)), QUIET,
                false, failsForCarol);
        Row carol = rows.stream().filter(r -> r.student().equals("carol")).findFirst().orElseThrow();
        assertTrue(carol.status().startsWith("crashed: the grading failed (java.io.IOException: disk full)"),
                carol.status());
        assertEquals(5, rows.size(), "the batch went on");
        assertTrue(Files.readString(temp.resolve("crash").resolve(Gradebook.FILE)).contains("crashed: the grading failed"));
    }

    @Test
    @Order(5)
    void aKilledRunStartedAgainRegradesNothingItHadDone() throws Exception {
        Path bundle = temp.resolve("bundle");
        Bundle.classroom50(FixtureLab.home(), bundle);
        Path out = temp.resolve("killed");
        Process first = cli(bundle, out, temp.resolve("first.log"));
        Path journal = out.resolve(Journal.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rows(journal) < 2 && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(50);
        }
        first.destroyForcibly().waitFor();
        int done = rows(journal);
        assertTrue(done >= 1 && done < 5, "killed part-way: " + done + " graded");
        Map<String, Long> before = new LinkedHashMap<>();
        for (String line : Files.readAllLines(journal).subList(1, 1 + done)) {
            String student = new ObjectMapper().readTree(line).path("row").path("student").asText();
            before.put(student, Files.getLastModifiedTime(out.resolve("students").resolve(student).resolve("results.json"))
                    .toMillis());
        }

        Process second = cli(bundle, out, temp.resolve("second.log"));
        assertTrue(second.waitFor(240, TimeUnit.SECONDS), "the second run ends");
        String log = Files.readString(temp.resolve("second.log"));
        assertEquals(0, second.exitValue(), log);
        assertTrue(log.contains("resuming: " + done + " done, " + (5 - done) + " to grade"), log);
        List<String> students = new ArrayList<>();
        for (String line : Files.readAllLines(journal).subList(1, rows(journal) + 1)) {
            students.add(new ObjectMapper().readTree(line).path("row").path("student").asText());
        }
        assertEquals(5, new HashSet<>(students).size(), "each student once: " + students);
        for (Map.Entry<String, Long> graded : before.entrySet()) {
            assertEquals(graded.getValue(), Files.getLastModifiedTime(out.resolve("students").resolve(graded.getKey())
                    .resolve("results.json")).toMillis(), graded.getKey() + " was not graded again");
        }
        assertEquals(unsharded, Gradebook.read(out.resolve(Gradebook.FILE)), "the same gradebook as one run");
    }

    /** Lines after the journal's header that are whole rows. */
    private static int rows(Path journal) throws IOException {
        if (!Files.isRegularFile(journal)) {
            return 0;
        }
        return (int) Files.readAllLines(journal).stream().skip(1).filter(l -> l.endsWith("}")).count();
    }

    private static Process cli(Path bundle, Path out, Path log) throws IOException {
        String classpath = String.join(":", Files.readString(bundle.resolve("tools/classpath.txt")).trim().split(":"))
                .replaceAll("(^|:)", "$1" + bundle + "/");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "org.vmaware.grader.cli.GraderCli", "--labs", bundle.toString(), "grade-batch", "lab00-fixture",
                folder.toString(), "--out", out.toString(), "--mode", "correctness", "--seed", "42")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
