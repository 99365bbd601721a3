package org.vmaware.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.report.ResultsJson;
import org.vmaware.grader.report.ScoreTable;

/**
 * The graded checks of this JVM's run. Every result is written to {@code results.json} as soon as it is added,
 * so a crash later in the run loses nothing already graded.
 */
public final class GradeBook {

    /** Version of the grading engine, recorded in every report so a disputed grade can be re-run alike. */
    public static final String ENGINE_VERSION = org.vmaware.grader.timing.Engine.VERSION;

    private static final GradeBook INSTANCE = new GradeBook();

    private final List<CheckResult> results = new ArrayList<>();
    private final List<String> observations = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    private GradeBook() {
    }

    /** The grade book of this JVM. */
    public static GradeBook get() {
        return INSTANCE;
    }

    /** Adds a check's result and rewrites the report. */
    public synchronized void add(CheckResult result) {
        results.removeIf(r -> r.id().equals(result.id()));
        results.add(result);
        write();
    }

    /**
     * Adds an ungraded observation (a measurement shown to students beside the score, worth no points), such as
     * the naive baseline's own growth from n to 2n.
     */
    public synchronized void observe(String line) {
        observations.add(line);
        write();
    }

    /** The results so far, in task order. */
    public synchronized List<CheckResult> results() {
        List<CheckResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(CheckResult::task).thenComparing(CheckResult::name));
        return sorted;
    }

    public synchronized List<String> observations() {
        return List.copyOf(observations);
    }

    /** Seconds since this JVM's grading began. */
    public long elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    /** Prints the score table, if any check ran. */
    public synchronized void printTable(PrintStream out) {
        if (!results.isEmpty()) {
            out.print(ScoreTable.render(results(), observations(), GradingSettings.current(), Machine.current()));
            out.flush();
        }
    }

    /**
     * Writes results.json atomically (a temporary file, then a move) into the report directory; in a child of the
     * command-line grader, sends it to the parent on the channel instead, and writes no file.
     */
    public synchronized void write() {
        if (Channel.isOpen()) {
            try {
                Channel.send("results", ResultsJson.toJson(results(), observations(), elapsedSeconds()));
            } catch (IOException e) {
                System.err.println("grader: could not encode the results: " + e.getMessage());
            }
            return;
        }
        Path dir = GradingSettings.current().reportDir();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "results", ".tmp");
            ResultsJson.write(temp, results(), observations(), elapsedSeconds());
            Files.move(temp, dir.resolve("results.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("grader: could not write " + dir.resolve("results.json") + ": " + e.getMessage());
        }
    }
}
