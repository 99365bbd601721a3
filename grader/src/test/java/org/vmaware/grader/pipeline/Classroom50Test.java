package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classroom 50's bundle, run as its runner runs an autograder.py: in the student's checkout, with the runner's
 * environment. Its result.json must pass what Classroom 50's runner checks before it publishes
 * ({@code runner.py::validate_result}) and the sum rules its own tests assert: {@code score} and {@code max-score}
 * are the sums over {@code tests[]}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class Classroom50Test {

    private static final Pattern UTC = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    @TempDir
    Path temp;

    @Test
    void theBundleWritesAResultThatClassroom50Accepts() throws Exception {
        Path bundle = temp.resolve("cs-java/autograders/lab00-fixture");
        Bundle.classroom50(FixtureLab.home(), bundle);
        assertTrue(Files.isExecutable(bundle.resolve("autograder.py")));
        try (var files = Files.walk(bundle)) {
            assertTrue(files.noneMatch(p -> p.toString().contains("solution")), "no solution in the bundle");
        }
        Path checkout = Files.createDirectories(temp.resolve("checkout"));
        Files.copy(FixtureLab.DIR.resolve("src/solution/java/org/vmaware/lab00/Joiner.java"), checkout.resolve("Joiner.java"));

        ProcessBuilder builder = new ProcessBuilder("python3", bundle.resolve("autograder.py").toString())
                .directory(checkout.toFile()).redirectErrorStream(true).redirectOutput(temp.resolve("log").toFile());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("CLASSROOM", "cs-java");
        builder.environment().put("ASSIGNMENT", "lab00-fixture");
        builder.environment().put("SUBMISSION_TAG", "submit/2026-12-03T10-00-00Z-abc1234");
        builder.environment().put("OWNER", "alice");
        builder.environment().put("ASSIGNMENT_TYPE", "individual");
        builder.environment().put("COMMIT_URL", "https://github.com/cs-java/cs-java-lab00-fixture-alice/commit/abc1234");
        builder.environment().put("RELEASE_URL", "https://github.com/cs-java/cs-java-lab00-fixture-alice/releases/tag/"
                + "submit%2F2026-12-03T10-00-00Z-abc1234");
        builder.environment().put("RUNNER_TEMP", Files.createDirectories(temp.resolve("runner-temp")).toString());
        Process process = builder.start();
        assertTrue(process.waitFor(150, TimeUnit.SECONDS), "autograder.py ended in time");
        String log = Files.readString(temp.resolve("log"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), log);

        JsonNode result = new ObjectMapper().readTree(checkout.resolve("result.json").toFile());
        assertNull(validate(result, "cs-java", "lab00-fixture", "alice", "individual"), result::toPrettyString);
        assertEquals(4 * Classroom50Result.FACTOR, result.path("score").asInt(), result::toPrettyString);
        assertEquals(4 * Classroom50Result.FACTOR, result.path("max-score").asInt());
        assertTrue(UTC.matcher(result.path("datetime").asText()).matches(), result.path("datetime").asText());
        assertTrue(Files.readString(checkout.resolve("release-body.md")).contains("points x 4"));
    }

    /**
     * What Classroom 50 checks of a result.json: its runner's {@code validate_result}, rule by rule, then the sums its
     * tests assert. Null when it passes, else the first rule broken.
     */
    static String validate(JsonNode r, String classroom, String assignment, String owner, String type) {
        if (!r.isObject()) {
            return "not a JSON object";
        }
        if (!Classroom50Result.SCHEMA.equals(r.path("schema").asText(null))) {
            return "schema is " + r.path("schema");
        }
        if (!classroom.equals(r.path("classroom").asText(null)) || !assignment.equals(r.path("assignment").asText(null))) {
            return "classroom or assignment is not the repository's";
        }
        if (!r.path("owner").isTextual() || !r.path("owner").asText().equalsIgnoreCase(owner)) {
            return "owner is " + r.path("owner");
        }
        if (!type.equals(r.path("assignment_type").asText(null))) {
            return "assignment_type is " + r.path("assignment_type");
        }
        if (!r.path("submission").isTextual() || !r.path("submission").asText().startsWith("submit/")) {
            return "submission must be a 'submit/*' string";
        }
        for (String field : List.of("commit", "release", "review", "datetime")) {
            if (!r.path(field).isTextual() || r.path(field).asText().isEmpty()) {
                return field + " must be a non-empty string";
            }
        }
        if (!nonNegativeInteger(r.path("score")) || !nonNegativeInteger(r.path("max-score"))) {
            return "score and max-score must be non-negative integers";
        }
        if (r.path("score").asLong() > r.path("max-score").asLong()) {
            return "score > max-score";
        }
        if (!r.path("tests").isArray()) {
            return "tests is not a list";
        }
        long score = 0;
        long max = 0;
        for (JsonNode t : r.path("tests")) {
            if (!t.isObject() || !t.path("test-name").isTextual() || t.path("test-name").asText().isEmpty()) {
                return "a test without a test-name: " + t;
            }
            if (!t.path("passed").isBoolean()) {
                return t.path("test-name").asText() + ": passed must be a boolean";
            }
            if (!nonNegativeInteger(t.path("score")) || !nonNegativeInteger(t.path("max-score"))
                    || t.path("score").asLong() > t.path("max-score").asLong()) {
                return t.path("test-name").asText() + ": score and max-score must be integers, score <= max-score";
            }
            score += t.path("score").asLong();
            max += t.path("max-score").asLong();
        }
        if (score != r.path("score").asLong() || max != r.path("max-score").asLong()) {
            return "score and max-score are not the sums over tests[]: " + score + " / " + max;
        }
        return null;
    }

    private static boolean nonNegativeInteger(JsonNode value) {
        return value.isIntegralNumber() && value.asLong() >= 0;
    }
}
