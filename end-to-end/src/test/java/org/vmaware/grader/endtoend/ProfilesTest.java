package org.vmaware.grader.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.pipeline.Grading;
import org.vmaware.grader.pipeline.LabHome;

/**
 * Profiles beside failed timing checks (issue 16, docs/profiles.md), graded as a course grades: the profile is made
 * in a JVM of its own after the verdicts, lands in the check's {@code extra_data.profile} and in at most five lines
 * of its output, and never changes a score.
 */
class ProfilesTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path out;

    /** lab03's handout case: 2a's samples fall in the array copies that every toString() makes. */
    @Test
    void aStringBuilderThatCallsToStringInItsLoopSpendsItsSamplesCopying() throws Exception {
        JsonNode results = grade("lab03-strings", Path.of("src/test/submissions/profile-l03-tostring-in-loop"));
        JsonNode check = test(results, "2a");
        assertEquals(0, check.path("score").asDouble(), () -> check.path("output").asText());
        JsonNode profile = check.path("extra_data").path("profile");
        assertTrue(profile.path("samples").asLong() > 20, profile::toString);
        assertTrue(topFrames(profile).matches("(?s).*(arraycopy|copyOf|StringLatin1|StringUTF16|newString).*"),
                () -> "no array copy among the top frames: " + profile);
        assertTrue(check.path("output").asText().contains("profile (JFR"), () -> check.path("output").asText());
        assertTrue(Files.readString(out.resolve("report.html")).contains("class=\"profile-chart\""));
        // a check that passed is not profiled unless asked
        assertTrue(test(results, "2b").path("extra_data").path("profile").isMissingNode());
        assertTrue(results.toString().length() < 400_000);
    }

    /** lab01's case: under C1 only (1e), the student's loops are compiled at tier 1 and never by C2. */
    @Test
    void aC1OnlyCheckIsProfiledUnderItsOwnFlags() throws Exception {
        JsonNode results = grade("lab01-loops", null);
        JsonNode check = test(results, "1e");
        JsonNode profile = check.path("extra_data").path("profile");
        assertTrue(profile.path("compilations").size() > 0, profile::toString);
        for (JsonNode compiled : profile.path("compilations")) {
            assertTrue(compiled.path("tier").asInt() <= 3, () -> "C2 compiled under C1 only: " + profile);
        }
        assertFalse(profile.toString().contains(".grading."), () -> "the tests' classes are named: " + profile);
        assertEquals("-XX:TieredStopAtLevel=1",
                check.path("extra_data").path("profile_request").path("flags").path(0).asText());
    }

    /** lab02's case: an observation that declares a comparison is profiled when asked by its method's name. */
    @Test
    void anObservationIsProfiledWhenAskedByName() throws Exception {
        JsonNode results = grade("lab02-generators", Path.of("../lab02-generators/src/solution/java"),
                Set.of("generatorCostPerValue"));
        String observations = results.path("output").asText();
        assertTrue(observations.matches("(?s).*observed \\(not graded\\): what a thread hand-off costs per value,"
                + " profile \\(JFR.*"), observations);
        assertTrue(observations.contains("Generator"), () -> "the student's Generator is named: " + observations);
        assertFalse(observations.contains(".grading."), observations);
    }

    /** Red team 16: a profile's JVM that fails with a 40 MB message leaves a short note, not 480 MB of reports. */
    @Test
    void aProfileThatFailsWithAHugeMessageLeavesAShortNote() throws Exception {
        JsonNode results = grade("lab03-strings", Path.of("src/test/submissions/rt16-l03-huge-profile-note"));
        JsonNode note = test(results, "2a").path("extra_data").path("profile").path("note");
        assertTrue(note.isTextual() && note.asText().length() <= 403, note::toString);
        assertTrue(Files.size(out.resolve("results.json")) < 1 << 20, "results.json stays small");
    }

    private JsonNode grade(String lab, Path submission) throws Exception {
        return grade(lab, submission, Set.of());
    }

    private JsonNode grade(String lab, Path submission, Set<String> explain) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        return Grading.grade(LabHome.inRepository(REPOSITORY, lab), submission == null ? null
                : submission.toAbsolutePath(), out, null, "full", new PrintStream(log, true, StandardCharsets.UTF_8),
                false, explain);
    }

    private static JsonNode test(JsonNode results, String label) {
        for (JsonNode test : results.path("tests")) {
            if (test.path("name").asText().startsWith(label + " ")) {
                return test;
            }
        }
        throw new AssertionError("no check " + label + " in " + results.path("tests"));
    }

    private static String topFrames(JsonNode profile) {
        StringBuilder names = new StringBuilder();
        profile.path("top_frames").forEach(f -> names.append(f.path("method").asText()).append('\n'));
        return names.toString();
    }
}
