package org.vmaware.grader.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.pipeline.Classroom50Result;
import org.vmaware.grader.pipeline.Grading;
import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.LabHome;

/**
 * {@code grade-batch}: grades every submission of a folder (or of one shard of it), one at a time, and writes the
 * gradebook.
 *
 * <pre>
 * OUT/gradebook.csv               one row per student: each task's points, total, seed, files' SHA-256, INCONCLUSIVE
 * OUT/batch.json                  lab, mode, batch seed, shard, how many submissions the folder and the shard hold
 * OUT/journal.jsonl               what is done, so that a killed run goes on where it stopped
 * OUT/students/STUDENT/...        each student's reports (results.json, report.html, ...) and grade.log
 * </pre>
 *
 * <p>One submission at a time: timing verdicts never share a machine's cores. A grading that fails (the grader's
 * own error, not the submission's code, which only ever costs checks) gets a row that says so, and the batch goes
 * on. Each student's seed is {@link Shard#seed} of the batch seed, or the one a gradebook recorded
 * ({@code --seeds-from}): the same inputs again, the timings measured anew.</p>
 */
public final class Batch {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a batch grades and how.
     *
     * @param mode      {@code full} or {@code correctness}
     * @param batchSeed the batch seed, or null for a fresh one (or the journal's, when resuming)
     * @param shard     the part of the folder to grade
     * @param seedsFrom recorded seeds by student (a gradebook's), or null
     * @param seedsFile where they were read from, for the journal, or null
     */
    public record Options(String mode, Long batchSeed, Shard shard, Map<String, Long> seedsFrom, String seedsFile) {
    }

    private Batch() {
    }

    /** How one submission is graded: {@link Grading#grade}, or in the batch's own tests a grading that fails. */
    interface Grader {
        JsonNode grade(LabHome lab, Path submission, Path out, long seed, String mode, PrintStream log)
                throws IOException, GradingException;
    }

    /** Grades the batch; returns the gradebook's rows (every submission of the shard, resumed ones included). */
    public static List<Row> run(LabHome lab, Path dir, Path out, Options options, PrintStream console, boolean terminal)
            throws IOException, GradingException {
        return run(lab, dir, out, options, console, terminal, Grading::grade);
    }

    static List<Row> run(LabHome lab, Path dir, Path out, Options options, PrintStream console, boolean terminal,
            Grader grader) throws IOException, GradingException {
        List<Submission> all = Submission.in(dir);
        List<Submission> mine = all.stream().filter(s -> options.shard().holds(s.student())).toList();
        Files.createDirectories(out);
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // the reports are the grader's: the code under test must not open them
            Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        ObjectNode header = JSON.createObjectNode();
        header.put("lab", lab.name());
        header.put("mode", options.mode());
        header.put("shard", options.shard().toString());
        header.put("seeds_from", options.seedsFile() == null ? "" : options.seedsFile());
        if (options.batchSeed() != null) {
            header.put("batch_seed", options.batchSeed());
        }
        List<Row> rows = new ArrayList<>();
        try (Journal journal = Journal.open(out, header, new SecureRandom().nextLong())) {
            long batchSeed = journal.batchSeed();
            long left = mine.stream().filter(s -> !journal.done().containsKey(s.student())).count();
            console.printf(Locale.ROOT, "[grade-batch] %s: %d submissions in %s, %d in shard %s, %s; batch seed %d%n",
                    lab.name(), all.size(), dir, mine.size(), options.shard(), left == mine.size() ? "none done yet"
                            : "resuming: " + (mine.size() - left) + " done, " + left + " to grade", batchSeed);
            writeBatch(out, lab, options, batchSeed, all.size(), mine.size());
            Progress progress = new Progress(console, terminal, mine.size(), (int) (mine.size() - left));
            for (Submission submission : mine) {
                Row row = journal.done().get(submission.student());
                if (row == null) {
                    progress.starting(submission.student());
                    long start = System.nanoTime();
                    row = grade(lab, submission, out, seedOf(options, batchSeed, submission.student()), options.mode(),
                            grader);
                    journal.add(row);
                    progress.finished(row, (System.nanoTime() - start) / 1e9);
                }
                rows.add(row);
            }
        }
        Gradebook.write(out.resolve(Gradebook.FILE), rows);
        console.println("[grade-batch] gradebook: " + out.resolve(Gradebook.FILE).toAbsolutePath().normalize());
        return rows;
    }

    private static long seedOf(Options options, long batchSeed, String student) {
        if (options.seedsFrom() != null && options.seedsFrom().containsKey(student)) {
            return options.seedsFrom().get(student);
        }
        return Shard.seed(batchSeed, student);
    }

    /** Grades one submission into {@code OUT/students/STUDENT}; a failure of the grading itself is a row too. */
    static Row grade(LabHome lab, Submission submission, Path out, long seed, String mode, Grader grader)
            throws IOException {
        Path reports = out.resolve("students").resolve(folderName(submission.student()));
        Grading.deleteTree(reports);
        Files.createDirectories(reports.getParent());
        Path logFile = Files.createDirectories(out.resolve("logs")).resolve(folderName(submission.student()) + ".log");
        try (OutputStream file = Files.newOutputStream(logFile);
                PrintStream log = new PrintStream(file, true, StandardCharsets.UTF_8)) {
            try {
                JsonNode results = grader.grade(lab, submission.folder().toAbsolutePath().normalize(),
                        reports.toAbsolutePath().normalize(), seed, mode, log);
                return Row.of(submission, seed, results, published(submission.folder(), results));
            } catch (IOException | GradingException | RuntimeException e) {
                e.printStackTrace(log);
                return Row.crashed(submission, seed, "the grading failed (" + e + "); see logs/"
                        + logFile.getFileName());
            }
        }
    }

    /**
     * How the score a submission published compares with this grade: the {@code result.json} that its Classroom 50
     * Release published, put beside the code, against the same grading in Classroom 50's points.
     */
    static String published(Path folder, JsonNode results) {
        Path file = folder.resolve("result.json");
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            JsonNode theirs = JSON.readTree(file.toFile());
            if (!Classroom50Result.SCHEMA.equals(theirs.path("schema").asText())) {
                return "";
            }
            JsonNode ours = Classroom50Result.of(results, Map.of(), Instant.now());
            String graded = ours.path("score").asLong() + " of " + ours.path("max-score").asLong();
            String claimed = theirs.path("score").asText() + " of " + theirs.path("max-score").asText();
            return claimed.equals(graded) ? "agrees: " + graded
                    : "DIFFERS: published " + claimed + ", graded " + graded;
        } catch (IOException e) {
            return "DIFFERS: result.json unreadable (" + e.getMessage() + ")";
        }
    }

    /** A student's name as a folder name: letters, digits and {@code . _ @ + -}, the rest as {@code _}. */
    static String folderName(String student) {
        return student.replaceAll("[^A-Za-z0-9._@+-]", "_");
    }

    private static void writeBatch(Path out, LabHome lab, Options options, long batchSeed, int inFolder, int inShard)
            throws IOException {
        ObjectNode batch = JSON.createObjectNode();
        batch.put("lab", lab.name());
        batch.put("mode", options.mode());
        batch.put("batch_seed", batchSeed);
        batch.put("seed_rule", "SHA-256 of \"BATCHSEED:STUDENT\", its first 8 bytes as a signed long");
        batch.put("shard", options.shard().toString());
        batch.put("shard_rule", "1 + (first 8 bytes of SHA-256 of STUDENT, as a signed long) mod N");
        batch.put("submissions", inFolder);
        batch.put("in_shard", inShard);
        Files.writeString(out.resolve("batch.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(batch) + "\n");
    }
}
