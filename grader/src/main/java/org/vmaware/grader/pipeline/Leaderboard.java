package org.vmaware.grader.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gradescope's {@code leaderboard} for a performance lab (opt-in: {@code "leaderboard": true} in grading.json): the
 * geometric mean of the timing checks' measured speed-ups first, as the headline, then each check's, highest first
 * ({@code "order": "desc"}). A check that did not measure (NOT RUN, TIMED OUT, correctness mode) counts as 1x in
 * the mean, so skipping work never ranks higher.
 */
public final class Leaderboard {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Leaderboard() {
    }

    /** The leaderboard entries of a results document; empty where the lab has no timing checks. */
    public static ArrayNode entries(JsonNode results) {
        ArrayNode board = JSON.createArrayNode();
        List<ObjectNode> checks = new ArrayList<>();
        double logs = 0;
        int count = 0;
        for (JsonNode test : results.path("tests")) {
            if (!test.path("extra_data").path("kind").asText().equals("TIMING")) {
                continue;
            }
            JsonNode median = test.path("extra_data").path("verdict").path("median");
            double speedUp = median.isNumber() && median.asDouble() > 0 ? median.asDouble() : 1.0;
            logs += Math.log(speedUp);
            count++;
            checks.add(entry(test.path("number").asText() + " " + shortName(test.path("name").asText()), speedUp));
        }
        if (count == 0) {
            return board;
        }
        board.add(entry("speed-up, geometric mean of " + count, Math.exp(logs / count)));
        checks.forEach(board::add);
        return board;
    }

    private static ObjectNode entry(String name, double speedUp) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("name", name);
        entry.put("value", Math.round(speedUp * 100) / 100.0);
        entry.put("order", "desc");
        return entry;
    }

    /** A column title: the check's id ("3b"), the first word of its name. */
    private static String shortName(String name) {
        int space = name.indexOf(' ');
        return String.format(Locale.ROOT, "%s", space > 0 ? name.substring(0, space) : name);
    }
}
