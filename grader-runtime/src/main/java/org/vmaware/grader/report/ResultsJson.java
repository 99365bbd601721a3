package org.vmaware.grader.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.vmaware.grader.CheckResult;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Machine;
import org.vmaware.grader.Outcome;
import org.vmaware.grader.timing.Clock;
import org.vmaware.grader.timing.Engine;

/**
 * Writes a run's results as Gradescope's {@code results.json}, using only its documented fields: top level
 * {@code score, execution_time, output, output_format, visibility, stdout_visibility, extra_data, tests}; per test
 * {@code score, max_score, status, name, number, output, output_format, tags, visibility, extra_data}.
 *
 * <p>What Gradescope has no field for (the verdict, the expectations the proof checks, the measurements, the
 * provenance of the run) goes into {@code extra_data}.</p>
 */
public final class ResultsJson {

    /** The start of an observation's line, in results.json's output and the score table; the parent reads it back. */
    public static final String OBSERVED = "observed (not graded): ";

    /**
     * Whether a test entry of results.json is a check whose outcome depends on the machine: its
     * {@code extra_data.machine_dependent} names why (written only where it does).
     */
    public static boolean machineDependent(JsonNode test) {
        return !test.path("extra_data").path("machine_dependent").asText("").isEmpty();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static void write(Path file, List<CheckResult> results, List<String> observations, long seconds)
            throws IOException {
        MAPPER.writeValue(file.toFile(), document(results, observations, seconds));
    }

    /**
     * Replaces {@code dir/results.json} with {@code document} atomically (a temporary file, then a move), so a
     * reader never sees half a report.
     */
    public static void replace(Path dir, Object document) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "results", ".tmp");
        MAPPER.writeValue(temp.toFile(), document);
        Files.move(temp, dir.resolve("results.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The same document as {@link #write}, as text: what a child JVM sends its parent on the channel. */
    public static String toJson(List<CheckResult> results, List<String> observations, long seconds) throws IOException {
        return MAPPER.writeValueAsString(document(results, observations, seconds));
    }

    /** The same document as {@link #write}, as a tree: what the score table is drawn from. */
    public static JsonNode tree(List<CheckResult> results, List<String> observations, long seconds) {
        return MAPPER.valueToTree(document(results, observations, seconds));
    }

    static Map<String, Object> document(List<CheckResult> results, List<String> observations, long seconds) {
        GradingSettings settings = GradingSettings.current();
        double score = 0;
        List<Map<String, Object>> tests = new ArrayList<>();
        int previousTask = -1;
        int index = 0;
        for (CheckResult r : results) {
            index = r.task() == previousTask ? index + 1 : 1;
            previousTask = r.task();
            score += r.points();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("id", r.id());
            extra.put("outcome", r.outcome().name());
            extra.put("kind", r.kind().name());
            extra.put("expect_reference", r.expectReference().name());
            extra.put("expect_starter", r.expectStarter().name());
            if (!r.machineDependent().isEmpty()) {
                extra.put("machine_dependent", r.machineDependent());
            }
            extra.put("elapsed_ms", r.elapsedMillis());
            // the score table's columns, apart from the output's first line that also holds them
            extra.put("measured", r.measured());
            extra.put("target", r.target());
            extra.putAll(r.data());
            tests.add(test(r.points(), r.maxPoints(), r.outcome() == Outcome.PASS, r.name(), r.task() + "." + index,
                    testOutput(r), r.tags(), r.visibility().gradescopeName(), extra));
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("lab", settings.lab());
        provenance.put("edition", settings.edition());
        provenance.put("mode", settings.modeName());
        provenance.put("seed", settings.seed());
        provenance.put("engine_version", Engine.VERSION);
        provenance.putAll(Machine.current().provenance());
        provenance.put("thread_cpu_clock_step_ns", Clock.threadCpuGranularity());
        return document(score, seconds, summary(settings, observations), provenance, tests);
    }

    /**
     * One check's entry, in Gradescope's fields: the test JVM writes it from a {@link CheckResult}, the
     * command-line grader from the test JVM's entry (or for a check that never ran) in its own numbering.
     *
     * @param passed     whether the check passed (PASS alone; partial credit is in the score)
     * @param number     the check's number, {@code TASK.N}
     * @param visibility Gradescope's visibility ({@code visible}, {@code hidden}, ...)
     * @param extra      what Gradescope does not read: the check's id, outcome, kind, expectations, verdict
     */
    public static Map<String, Object> test(double score, double maxScore, boolean passed, String name, String number,
            String output, List<String> tags, String visibility, Map<String, Object> extra) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("score", round(score));
        test.put("max_score", maxScore);
        test.put("status", passed ? "passed" : "failed");
        test.put("name", name);
        test.put("number", number);
        test.put("output", output);
        test.put("output_format", "text");
        test.put("tags", tags);
        test.put("visibility", visibility);
        test.put("extra_data", extra);
        return test;
    }

    /** The document around the entries: Gradescope's top-level fields, the run's provenance in extra_data. */
    public static Map<String, Object> document(double score, long seconds, String output, Map<String, Object> extra,
            List<Map<String, Object>> tests) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("score", round(score));
        doc.put("execution_time", seconds);
        doc.put("output", output);
        doc.put("output_format", "text");
        doc.put("visibility", "visible");
        doc.put("stdout_visibility", "hidden");
        doc.put("extra_data", extra);
        doc.put("tests", tests);
        return doc;
    }

    private static String testOutput(CheckResult r) {
        StringBuilder text = new StringBuilder(r.outcome().name());
        if (!r.measured().isEmpty()) {
            text.append(": measured ").append(r.measured());
        }
        if (!r.target().isEmpty()) {
            text.append(", target ").append(r.target());
        }
        if (!r.message().isEmpty()) {
            text.append('\n').append(r.message());
        }
        return text.toString();
    }

    private static String summary(GradingSettings settings, List<String> observations) {
        StringBuilder text = new StringBuilder(settings.lab()).append(", ").append(settings.edition())
                .append(" edition, ").append(settings.modeName()).append(" mode, seed ").append(settings.seed())
                .append("\nmachine: ").append(Machine.current().describe());
        for (String distortion : Machine.current().distortions()) {
            text.append("\nwarning: ").append(distortion);
        }
        for (String line : observations) {
            text.append('\n').append(OBSERVED).append(line);
        }
        return text.toString();
    }

    private static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }
}
