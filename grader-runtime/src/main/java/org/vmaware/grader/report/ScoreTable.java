package org.vmaware.grader.report;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.lang3.StringUtils;

/**
 * The console score table that ends a lab's {@code mvn test}, drawn from results.json's entries, so the table a
 * student sees and the report a course keeps say the same thing.
 */
public final class ScoreTable {

    private ScoreTable() {
    }

    /**
     * @param heading      what was graded, such as {@code lab03-strings · student edition · full mode}
     * @param tests        results.json's {@code tests}
     * @param observations shown, not graded
     * @param footer       the lines under the table: the machine, warnings, notes, where the report is
     */
    public static String render(String heading, JsonNode tests, List<String> observations, List<String> footer) {
        double score = 0;
        double max = 0;
        double notRunPoints = 0;
        int notRun = 0;
        int measuredWidth = 12;
        for (JsonNode test : tests) {
            if (test.path("extra_data").path("outcome").asText().equals("SKIPPED")) {
                notRun++;
                notRunPoints += test.path("max_score").asDouble();
            } else {
                score += test.path("score").asDouble();
                max += test.path("max_score").asDouble();
            }
            String measured = firstPart(test.path("extra_data").path("measured").asText(""));
            measuredWidth = Math.max(measuredWidth, measured.length());
        }
        // the score is out of what ran: a correctness-only or one-task run says what it left out, below
        StringBuilder out = new StringBuilder("\n");
        String title = String.format(Locale.ROOT, " %s · score %s / %s ", heading, points(score), points(max));
        out.append(StringUtils.center(title, 110, '=')).append('\n');
        // the measured value is never cut; a long check name is
        String row = "%-5s %-52s %-12s %-13s %-" + measuredWidth + "s %s%n";
        out.append(String.format(Locale.ROOT, row, "task", "check", "points", "verdict", "measured", "target"));
        for (JsonNode test : tests) {
            JsonNode extra = test.path("extra_data");
            String name = StringUtils.abbreviate(test.path("name").asText(), 52);
            out.append(String.format(Locale.ROOT, row, task(test), name,
                    points(test.path("score").asDouble()) + " / " + points(test.path("max_score").asDouble()),
                    Verdicts.of(test).verdict(), firstPart(extra.path("measured").asText("")),
                    firstPart(extra.path("target").asText(""))));
        }
        if (notRun > 0) {
            out.append(String.format(Locale.ROOT, "not graded in this run: %d check(s), %s point(s) (SKIPPED); run"
                    + " without -Dgrade.mode and -Dgrade.task for the whole grade%n", notRun, points(notRunPoints)));
        }
        for (JsonNode test : tests) {
            String outcome = test.path("extra_data").path("outcome").asText();
            String message = message(test);
            if (!outcome.equals("PASS") && !outcome.equals("SKIPPED") && !message.isEmpty()) {
                out.append("\n[").append(Verdicts.of(test).verdict()).append("] ").append(test.path("name").asText())
                        .append('\n').append(indent(message)).append('\n');
            }
        }
        for (String line : observations) {
            out.append(ResultsJson.OBSERVED).append(line).append('\n');
        }
        footer.forEach(line -> out.append(line).append('\n'));
        out.append("=".repeat(110)).append('\n');
        return out.toString();
    }

    /** The task a results.json entry belongs to: its number's first part ({@code 2} of {@code 2.3}). */
    private static String task(JsonNode test) {
        String number = test.path("number").asText();
        int dot = number.indexOf('.');
        return dot < 0 ? number : number.substring(0, dot);
    }

    /** An entry's explanation: its output after the first line, which repeats the outcome and the measurement. */
    private static String message(JsonNode test) {
        String output = test.path("output").asText("");
        int newline = output.indexOf('\n');
        return newline < 0 ? "" : output.substring(newline + 1).strip();
    }

    private static String firstPart(String text) {
        int semicolon = text.indexOf(';');
        return semicolon < 0 ? text : text.substring(0, semicolon) + " …";
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    /** Points as a report writes them: {@code 3}, {@code 1.50}. */
    public static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
