package org.vmaware.grader.supervise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.grader.report.Html;
import org.vmaware.grader.report.ResultsJson;
import org.vmaware.grader.report.ScoreTable;
import org.vmaware.grader.runtime.GradedRun;
import org.vmaware.grader.runtime.ScoreTableListener;
import org.vmaware.grader.timing.Engine;

/**
 * A lab's {@code mvn test}: the one test Surefire runs in a lab (lab-parent's configuration). It runs none of the
 * lab's checks in this JVM: the {@link Supervisor} runs them in child JVMs, as the command-line grader does, so an
 * endless loop in a student's method costs that check its limit and the run goes on with the checks that remain.
 * Then it writes {@code target/grade/results.json}, prints the score table once, and fails when a graded check
 * did not pass, so that Maven's BUILD FAILURE means "not full marks yet".
 *
 * <p>Surefire gives it the build's settings: {@code grade.testClasses} (the lab's compiled tests),
 * {@code grade.descriptor} (target/grading/grading.json, for the lab's time limits and hint level) and the
 * {@code grade.*} settings of {@link GradingSettings}; the children get the same class path as this JVM. After the
 * verdicts, each failed timing check is profiled ({@code -Dgrade.explain=2a} or {@code all} for more,
 * {@code -Dgrade.profiles=off} for none: docs/profiles.md).</p>
 */
public class GradeThisLab {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void gradeTheLab() throws IOException, Supervisor.NoChecks {
        GradingSettings settings = GradingSettings.current();
        String tests = required("grade.testClasses");
        JsonNode descriptor = JSON.readTree(Path.of(required("grade.descriptor")).toFile());
        int checkSeconds = descriptor.path("checkSeconds").asInt(Supervisor.CHECK_SECONDS);
        int runSeconds = descriptor.path("runSeconds").asInt(Supervisor.RUN_SECONDS);
        // grading.json's level, unless -Dgrade.hints asks for another (an instructor reading the other levels)
        Hints.Level hints = Hints.Level.parse(System.getProperty(Hints.PROPERTY,
                descriptor.path("hints").asText(Hints.Level.IDEA.key())));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        long start = System.nanoTime();

        CheckCosts costs = CheckCosts.read(Path.of(required("grade.checkCosts")));
        Supervisor supervisor = new Supervisor(frames -> child(settings, hints, classpath, frames), tests, checkSeconds,
                costs, runSeconds, System.out, () -> { });
        List<Check> catalog = supervisor.gradeAll();
        if (!System.getProperty("grade.profiles", "on").trim().equals("off")) {
            // after every verdict, each failed timing check (and each -Dgrade.explain names) in a JVM of its own
            supervisor.profile(catalog, Arrays.stream(System.getProperty("grade.explain", "").split(","))
                    .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toSet()));
        }
        Supervisor.Scored scored = supervisor.score(catalog);
        long seconds = Math.round((System.nanoTime() - start) / 1e9);

        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("lab", settings.lab());
        extra.put("edition", settings.edition());
        extra.put("mode", settings.modeName());
        extra.put("seed", settings.seed());
        extra.put("engine_version", Engine.VERSION);
        extra.put("max_score", scored.max());
        extra.put("java_version", System.getProperty("java.version"));
        extra.put("check_limit_s", checkSeconds);
        extra.put("run_limit_s", runSeconds);
        extra.put("test_jvms", supervisor.runs().count());
        extra.put("observations", List.copyOf(supervisor.observations()));
        extra.put("notes", List.copyOf(supervisor.notes()));
        String summary = String.format(Locale.ROOT, "%s: %s of %s points, seed %d", settings.lab(),
                ScoreTable.points(scored.score()), ScoreTable.points(scored.max()), settings.seed());
        JsonNode document = JSON.valueToTree(ResultsJson.document(scored.score(), seconds, summary, extra, scored.tests()));
        ResultsJson.replace(settings.reportDir(), document);
        Files.writeString(settings.reportDir().resolve("report.html"), Html.render(document));

        System.out.print(ScoreTable.render(ScoreTableListener.heading(settings), document.path("tests"),
                supervisor.observations(), footer(settings, supervisor)));
        System.out.flush();
        int shortOfFull = 0;
        for (JsonNode test : document.path("tests")) {
            String outcome = test.path("extra_data").path("outcome").asText();
            if (!outcome.equals("PASS") && !outcome.equals("SKIPPED")) {
                shortOfFull++;
            }
        }
        if (shortOfFull > 0) {
            // one line, no stack: the table above is the grade, and Surefire repeats this message in its summary
            AssertionFailedError shortOfFullMarks = new AssertionFailedError(String.format(Locale.ROOT,
                    "%d check(s) short of full marks: the score table above is the grade", shortOfFull));
            shortOfFullMarks.setStackTrace(new StackTraceElement[0]);
            throw shortOfFullMarks;
        }
    }

    /** A child JVM of this lab: the build's JVM flags and settings, this JVM's class path, the channel. */
    private static ForkedJvm child(GradingSettings settings, Hints.Level hints, String classpath,
            Consumer<Channel.Frame> frames) {
        List<String> flags = new ArrayList<>(List.of(System.getProperty("grade.jvmFlags", "").trim().split("\\s+")));
        flags.removeIf(String::isEmpty);
        flags.add("-XX:+ExitOnOutOfMemoryError");
        flags.add("-Dgrade.lab=" + settings.lab());
        flags.add("-Dgrade.mode=" + settings.modeName());
        flags.add("-Dgrade.seed=" + settings.seed());
        flags.add("-Dgrade.edition=" + settings.edition());
        flags.add("-D" + Hints.PROPERTY + "=" + hints.key());
        flags.add("-Dgrade.studentClasses=" + required("grade.classes"));
        flags.add("-Dgrade.jvmFlags=" + System.getProperty("grade.jvmFlags", ""));
        String task = System.getProperty("grade.task", "");
        if (!task.isBlank()) {
            flags.add("-Dgrade.task=" + task);
        }
        // the student's own System.out lines, as they print them
        return ForkedJvm.main(GradedRun.class.getName()).flags(flags).classpath(classpath)
                .outputLimit(Supervisor.OUTPUT_KEPT_BYTES).channel(frames).echo(System.out::println).args("--channel");
    }

    /** The lines under the table: the children's machine (not this JVM's, which only supervises), notes, report. */
    private static List<String> footer(GradingSettings settings, Supervisor supervisor) {
        List<String> lines = new ArrayList<>(supervisor.machine());
        supervisor.notes().forEach(n -> lines.add("note: " + n));
        lines.add("input seed " + settings.seed() + " (the same inputs again: -Dgrade.seed=" + settings.seed() + ")");
        lines.add("report:  " + settings.reportDir().resolve("report.html") + " (open it in a browser), and results.json"
                + " beside it");
        return lines;
    }

    private static String required(String property) {
        String value = System.getProperty(property, "");
        if (value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is not set: run the lab through its Maven build"
                    + " (lab-parent sets it)");
        }
        return value;
    }
}
