package org.vmaware.grader.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a score moved since the student's previous submission, from Gradescope's
 * {@code /autograder/submission_metadata.json} ({@code previous_submissions[]}: each one's {@code submission_time},
 * {@code score} and {@code results}), as Gradescope documents it
 * (<a href="https://gradescope-autograders.readthedocs.io/en/latest/submission_metadata/">Submission Metadata</a>).
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
            if (last == null || submitted(previous).isAfter(submitted(last))) {
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

    /**
     * When a previous submission was made: Gradescope writes an ISO-8601 time with the course's offset, so two are
     * compared as instants (as text, times with different offsets would sort wrong); an unreadable time is earliest.
     */
    private static Instant submitted(JsonNode previous) {
        try {
            return OffsetDateTime.parse(previous.path("submission_time").asText()).toInstant();
        } catch (DateTimeParseException unreadable) {
            return Instant.MIN;
        }
    }
}
