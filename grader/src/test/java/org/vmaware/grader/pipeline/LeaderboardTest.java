package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.report.ResultsJson;

/** Gradescope's leaderboard of the timing checks' speed-ups, and how a score moved since the previous submission. */
class LeaderboardTest {

    @TempDir
    Path temp;

    private static ObjectNode results(double score, double... medians) {
        List<Map<String, Object>> tests = new ArrayList<>();
        int n = 0;
        for (double median : medians) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("kind", "TIMING");
            extra.put("outcome", median > 0 ? "PASS" : "NOT RUN");
            if (median > 0) {
                extra.put("verdict", Map.of("median", median));
            }
            tests.add(ResultsJson.test(1, 1, true, (++n) + "b fast loop", "1." + n, "", List.of(), "visible", extra));
        }
        tests.add(ResultsJson.test(1, 1, true, "1a correct", "1.9", "", List.of(), "visible",
                new LinkedHashMap<>(Map.of("kind", "CORRECTNESS", "outcome", "PASS"))));
        ObjectNode doc = new ObjectMapper().valueToTree(ResultsJson.document(score, 1, "", Map.of(), tests));
        doc.set("leaderboard", Leaderboard.entries(doc));
        return doc;
    }

    @Test
    void theHeadlineIsTheGeometricMeanOfTheSpeedUps() {
        JsonNode board = results(3, 4.0, 9.0, 0).path("leaderboard");
        assertEquals("speed-up, geometric mean of 3", board.get(0).path("name").asText());
        assertEquals(3.30, board.get(0).path("value").asDouble(), 1e-9, "(4 x 9 x 1)^(1/3): a check not measured is 1x");
        assertEquals("1.1 1b", board.get(1).path("name").asText());
        assertEquals(4.0, board.get(1).path("value").asDouble());
        assertEquals(4, board.size(), "the headline, then each timing check, no correctness check");
        board.forEach(e -> assertEquals("desc", e.path("order").asText()));
    }

    @Test
    void theOutputSaysHowTheScoreMovedSinceThePreviousSubmission() throws Exception {
        Path metadata = temp.resolve("submission_metadata.json");
        Files.writeString(metadata, "{\"previous_submissions\": ["
                + "{\"submission_time\": \"2026-12-01T10:00:00.000000-08:00\", \"score\": 1.0, \"results\": {}},"
                // later as text, earlier as an instant (09:30 at -08:00): the offsets are read
                + "{\"submission_time\": \"2026-12-03T02:30:00.000000+09:00\", \"score\": 0.5, \"results\": {}},"
                + "{\"submission_time\": \"2026-12-02T10:00:00.000000-08:00\", \"score\": 2.5,"
                + " \"results\": {\"leaderboard\": [{\"name\": \"speed-up\", \"value\": 2.0}]}}]}");
        String moved = PreviousSubmission.movement(metadata, results(3, 4.0, 9.0));
        assertEquals("since your previous submission (2026-12-02T10:00:00.000000-08:00): 2.50 -> 3 points (+0.50);"
                + " speed-up, geometric mean of 2 2.00x -> 6.00x", moved);
        Files.writeString(metadata, "{\"previous_submissions\": []}");
        assertEquals("this is your first submission", PreviousSubmission.movement(metadata, results(3)));
        assertEquals("", PreviousSubmission.movement(temp.resolve("absent.json"), results(3)));
    }

    @Test
    void theLabsOptIn() throws Exception {
        JsonNode lab01 = new ObjectMapper().readTree(Path.of("../lab01-loops/grading.json").toFile());
        assertTrue(lab01.path("leaderboard").asBoolean(), "lab01, the loops lab, has a leaderboard");
        assertTrue(!FixtureLab.home().leaderboard(), "off where grading.json says nothing");
    }
}
