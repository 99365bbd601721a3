package org.vmaware.grader.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.report.Verdicts;

/**
 * A grading's results.json as Classroom 50's {@code result.json} ({@code "schema": "classroom50/result/v1"}, the
 * contract of its wiki's Advanced-Autograding page): integer points, {@code score} and {@code max-score} the sums
 * over {@code tests[]}, the submission's identity from the runner's environment.
 *
 * <p>Classroom 50 takes integer points only and our bands give halves and quarters, so every point is multiplied by
 * {@link #FACTOR}: a lab of 32 points is out of 128 there. Each test keeps its real points in {@code points} and the
 * verdict and why in {@code verdict} and {@code message} (extra fields on a test are kept verbatim).</p>
 *
 * <p>Grading and publishing share one job and runner in the student's repository, so a result.json is
 * self-reported: the grade of record is {@code grade-batch} over the students' {@code submit/*} tags.</p>
 */
public final class Classroom50Result {

    /** The schema sentinel Classroom 50's runner and collector check. */
    public static final String SCHEMA = "classroom50/result/v1";
    /** Points are multiplied by this to be integers: a quarter of a point, the smallest band, is 1. */
    public static final int FACTOR = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Classroom50Result() {
    }

    /**
     * The result.json of one grading.
     *
     * @param results the grading's results.json
     * @param env     the runner's environment: CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL,
     *                REVIEW_URL, OWNER (or USERNAME), ASSIGNMENT_TYPE, and SUBMISSION_DATETIME (the graded commit's
     *                committer date, which autograder.py reads from git; now where it is missing)
     * @param now     this grading's time, {@code graded_at}
     */
    public static ObjectNode of(JsonNode results, Map<String, String> env, Instant now) {
        ObjectNode result = JSON.createObjectNode();
        result.put("schema", SCHEMA);
        result.put("classroom", env.getOrDefault("CLASSROOM", ""));
        result.put("assignment", env.getOrDefault("ASSIGNMENT", ""));
        // owner and assignment_type are the runner's to stamp; written here only where it gave them
        String owner = env.getOrDefault("OWNER", env.getOrDefault("USERNAME", ""));
        if (!owner.isEmpty()) {
            result.put("owner", owner);
        }
        if (!env.getOrDefault("ASSIGNMENT_TYPE", "").isEmpty()) {
            result.put("assignment_type", env.get("ASSIGNMENT_TYPE"));
        }
        String commit = env.getOrDefault("COMMIT_URL", "");
        result.put("submission", env.getOrDefault("SUBMISSION_TAG", ""));
        result.put("commit", commit);
        result.put("release", env.getOrDefault("RELEASE_URL", ""));
        result.put("review", env.getOrDefault("REVIEW_URL", "").isEmpty() ? commit : env.get("REVIEW_URL"));
        result.put("datetime", env.getOrDefault("SUBMISSION_DATETIME", "").isEmpty() ? UTC.format(now)
                : env.get("SUBMISSION_DATETIME"));
        result.put("graded_at", UTC.format(now));
        ArrayNode tests = JSON.createArrayNode();
        long score = 0;
        long max = 0;
        for (JsonNode test : results.path("tests")) {
            Verdicts.Shown shown = Verdicts.of(test);
            long points = scaled(shown.points());
            long most = scaled(shown.max());
            ObjectNode entry = tests.addObject();
            entry.put("test-name", test.path("number").asText() + " " + test.path("name").asText());
            entry.put("passed", shown.passed());
            entry.put("score", points);
            entry.put("max-score", most);
            entry.put("verdict", shown.verdict());
            entry.put("points", Grading.format(shown.points()) + " of " + Grading.format(shown.max()));
            entry.put("message", shown.headline());
            score += points;
            max += most;
        }
        result.put("score", score);
        result.put("max-score", max);
        result.set("tests", tests);
        return result;
    }

    /**
     * The Markdown of the submission's Release: the score in points and in Classroom 50's integers, then the
     * grader's own summary table.
     */
    public static String releaseBody(JsonNode result, String summaryMarkdown) {
        return String.format(Locale.ROOT, "### VM-Aware Java Labs: %d / %d (points x %d)%n%nClassroom 50 counts"
                + " whole numbers, so each point here is %d: divide by %d for the lab's points. This score is"
                + " self-reported feedback, graded in your repository's own workflow; the course's grade of record"
                + " is graded again from your submit tag.%n%n", result.path("score").asLong(),
                result.path("max-score").asLong(), FACTOR, FACTOR, FACTOR) + summaryMarkdown;
    }

    /** Points times {@link #FACTOR}, rounded down where a share below a quarter of a point would be lost. */
    static long scaled(double points) {
        double scaled = points * FACTOR;
        long rounded = Math.round(scaled);
        return Math.abs(scaled - rounded) < 1e-6 ? rounded : (long) Math.floor(scaled);
    }
}
