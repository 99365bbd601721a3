import java.io.File;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints "full" if a results.json holds exactly the expected number of checks, each with its full score; otherwise
 * the checks that fell short. Run as a single-file program with the grader's class path (Jackson):
 * {@code java -cp CP scripts/FullScore.java RESULTS_JSON CHECKS}.
 */
public final class FullScore {

    public static void main(String[] args) throws Exception {
        File results = new File(args[0]);
        if (!results.isFile()) {
            System.out.println("no results.json");
            return;
        }
        JsonNode tests = new ObjectMapper().readTree(results).path("tests");
        StringBuilder shortfalls = new StringBuilder();
        for (JsonNode test : tests) {
            if (test.path("score").asDouble() != test.path("max_score").asDouble()) {
                shortfalls.append(shortfalls.length() == 0 ? "" : "; ").append(test.path("name").asText()).append(": ")
                        .append(test.path("extra_data").path("outcome").asText("?")).append(' ')
                        .append(test.path("score").asDouble()).append('/').append(test.path("max_score").asDouble());
            }
        }
        int expected = Integer.parseInt(args[1]);
        if (tests.size() != expected) {
            shortfalls.append(shortfalls.length() == 0 ? "" : "; ").append(tests.size()).append(" of ")
                    .append(expected).append(" checks ran");
        }
        System.out.println(shortfalls.length() == 0 ? "full" : shortfalls);
    }
}
