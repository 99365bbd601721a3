package org.vmaware.grader.report;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every format says of one check: the one mapping from a results.json entry to the verdict that Gradescope,
 * Classroom 50, JUnit XML and the Markdown summary show, with its points and one line of text that says why.
 *
 * <pre>
 * engine outcome                     shown         passed  points
 * PASS                               PASS          yes     all
 * PARTIAL                            PARTIAL       no      the band's
 * FAIL                               FAIL          no      none
 * INCONCLUSIVE, a lower band proven  PARTIAL       no      that band's ("the rest was undecided")
 * INCONCLUSIVE                       INCONCLUSIVE  no      none (says why: the machine's limit, or too close)
 * TIMED OUT, CRASHED, NOT RUN        the same      no      none
 * </pre>
 *
 * <p>An INCONCLUSIVE verdict earns nothing; where the engine proved a lower band before it could not decide the
 * target, the points of that band were proven, so every format calls it PARTIAL for that band and says the rest was
 * undecided. The table in docs/grading.md is this class, in words; the console table, the HTML report and every file the command-line grader writes show its verdict.</p>
 */
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * One check as the formats show it.
     *
     * @param verdict  PASS, PARTIAL, FAIL, INCONCLUSIVE, TIMED OUT, CRASHED, NOT RUN or SKIPPED
     * @param passed   whether a pass/fail format says passed: PASS alone
     * @param points   the points earned
     * @param max      the check's points
     * @param headline one line: the verdict, the points and why, for every format that has text
     */
    public record Shown(String verdict, boolean passed, double points, double max, String headline) {
    }

    /** The verdict the formats show for one test entry of results.json. */
    public static Shown of(JsonNode test) {
        String outcome = test.path("extra_data").path("outcome").asText("FAIL");
        double points = test.path("score").asDouble();
        double max = test.path("max_score").asDouble();
        String machine = test.path("extra_data").path("machine_dependent").asText("");
        String of = String.format(Locale.ROOT, "%s of %s points", ScoreTable.points(points), ScoreTable.points(max));
        switch (outcome) {
            case "PASS":
                return new Shown("PASS", true, points, max, "PASS: " + of);
            case "PARTIAL":
                return new Shown("PARTIAL", false, points, max, "PARTIAL: " + of + ": a lower band of the speed-up"
                        + " was proven, not the target");
            case "INCONCLUSIVE":
                if (points > 0) {
                    return new Shown("PARTIAL", false, points, max, "PARTIAL: " + of + " for the lower band it"
                            + " proved; the rest was undecided (INCONCLUSIVE): " + undecided(machine));
                }
                return new Shown("INCONCLUSIVE", false, 0, max, "INCONCLUSIVE: " + of + ": earns nothing, "
                        + undecided(machine));
            case "TIMED OUT":
                return new Shown(outcome, false, points, max, "TIMED OUT: " + of + ": stopped at its time limit");
            case "CRASHED":
                return new Shown(outcome, false, points, max, "CRASHED: " + of + ": the test JVM died during this"
                        + " check");
            case "NOT RUN":
                return new Shown(outcome, false, points, max, "NOT RUN: " + of + ": the check did not run");
            case "SKIPPED":
                return new Shown(outcome, false, points, max, "SKIPPED: " + of + ": not run in this mode");
            default:
                return new Shown("FAIL", false, points, max, "FAIL: " + of);
        }
    }

    /**
     * Gradescope's side of the mapping: its {@code status} is only passed or failed, so an INCONCLUSIVE check's
     * {@code output} starts with the verdict it shows and why, and {@code extra_data.shown} names that verdict.
     */
    public static void sayInGradescope(ObjectNode results) {
        for (JsonNode test : results.path("tests")) {
            Shown shown = of(test);
            ObjectNode entry = (ObjectNode) test;
            ((ObjectNode) entry.path("extra_data")).put("shown", shown.verdict());
            if (test.path("extra_data").path("outcome").asText().equals("INCONCLUSIVE")) {
                entry.put("output", shown.headline() + "\n" + test.path("output").asText());
            }
        }
    }

    /** Why an INCONCLUSIVE check earned nothing more: the machine's limit where it depends on one, else too close. */
    private static String undecided(String machineDependent) {
        return machineDependent.isEmpty()
                ? "the measurement could not decide after a retry (the speed-up is too close to the target, or the"
                        + " machine was too noisy): grade it again"
                : "the grading machine lacks what the check needs (" + machineDependent + "): this is the machine's"
                        + " limit, not the code's";
    }
}
