package org.vmaware.grader.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a score moved since the student's previous submission, from Gradescope's
 * {@code /autograder/submission_metadata.json} ({@code previous_submissions[]}: each one's {@code submission_time},
 * {@code score} and {@code results}).
 */
public final class PreviousSubmission {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreviousSubmission() {
    }

    /**
     * One line for the results' output, or empty where the metadata holds no earlier submission.
     *
     * @param metadata Gradescope's submission_metadata.json
     * @param results  this grading's results.json
     */
    public static String movement(Path metadata, JsonNode results) throws IOException {
        if (!Files.isRegularFile(metadata)) {
            return "";
        }
        JsonNode last = null;
        for (JsonNode previous : JSON.readTree(metadata.toFile()).path("previous_submissions")) {
            if (last == null || previous.path("submission_time").asText().compareTo(last.path("submission_time").asText()) > 0) {
                last = previous;
            }
        }
        if (last == null) {
            return "this is your first submission";
        }
        double before = last.path("score").asDouble(last.path("results").path("score").asDouble());
        double now = results.path("score").asDouble();
        double delta = now - before;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "since your previous submission (%s): %s"
                + " -> %s points (%s%s)", last.path("submission_time").asText("?"), Grading.format(before),
                Grading.format(now), delta >= 0 ? "+" : "", Grading.format(delta)));
        JsonNode board = results.path("leaderboard");
        JsonNode previousBoard = last.path("results").path("leaderboard");
        if (board.size() > 0 && previousBoard.size() > 0) {
            line.append(String.format(Locale.ROOT, "; %s %.2fx -> %.2fx", board.get(0).path("name").asText(),
                    previousBoard.get(0).path("value").asDouble(), board.get(0).path("value").asDouble()));
        }
        return line.toString();
    }
}
