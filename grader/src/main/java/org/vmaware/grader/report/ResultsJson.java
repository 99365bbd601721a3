package org.vmaware.grader.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.vmaware.grader.CheckResult;
import org.vmaware.grader.GradeBook;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Machine;
import org.vmaware.grader.Outcome;
import org.vmaware.grader.timing.Clock;

/**
 * Writes a run's results as Gradescope's {@code results.json}, using only its documented fields: top level
 * {@code score, execution_time, output, output_format, visibility, stdout_visibility, extra_data, tests}; per test
 * {@code score, max_score, status, name, number, output, output_format, tags, visibility, extra_data}.
 *
 * <p>What Gradescope has no field for (the verdict, the expectations the proof checks, the measurements, the
 * provenance of the run) goes into {@code extra_data}.</p>
 */
public final class ResultsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static void write(Path file, List<CheckResult> results, List<String> observations, long seconds)
            throws IOException {
        MAPPER.writeValue(file.toFile(), document(results, observations, seconds));
    }

    /** The same document as {@link #write}, as text: what a child JVM sends its parent on the channel. */
    public static String toJson(List<CheckResult> results, List<String> observations, long seconds) throws IOException {
        return MAPPER.writeValueAsString(document(results, observations, seconds));
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
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("score", round(r.points()));
            test.put("max_score", r.maxPoints());
            test.put("status", r.outcome() == Outcome.PASS ? "passed" : "failed");
            test.put("name", r.name());
            test.put("number", r.task() + "." + index);
            test.put("output", testOutput(r));
            test.put("output_format", "text");
            test.put("tags", r.tags());
            test.put("visibility", r.visibility().gradescopeName());
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
            extra.putAll(r.data());
            test.put("extra_data", extra);
            tests.add(test);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("score", round(score));
        doc.put("execution_time", seconds);
        doc.put("output", summary(settings, observations));
        doc.put("output_format", "text");
        doc.put("visibility", "visible");
        doc.put("stdout_visibility", "hidden");
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("lab", settings.lab());
        provenance.put("edition", settings.edition());
        provenance.put("mode", settings.modeName());
        provenance.put("seed", settings.seed());
        provenance.put("engine_version", GradeBook.ENGINE_VERSION);
        provenance.putAll(Machine.current().provenance());
        provenance.put("thread_cpu_clock_step_ns", Clock.threadCpuGranularity());
        doc.put("extra_data", provenance);
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
            text.append("\nobserved (not graded): ").append(line);
        }
        return text.toString();
    }

    private static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }
}
