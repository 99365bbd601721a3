package org.vmaware.grader.report;

import java.util.List;
import java.util.Locale;

import org.apache.commons.lang3.StringUtils;

import org.vmaware.grader.CheckResult;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Machine;
import org.vmaware.grader.Outcome;

/** The console score table that ends a lab's {@code mvn test}. */
public final class ScoreTable {

    private ScoreTable() {
    }

    public static String render(List<CheckResult> results, List<String> observations, GradingSettings settings,
            Machine machine) {
        double score = 0;
        double max = 0;
        for (CheckResult r : results) {
            score += r.points();
            max += r.maxPoints();
        }
        StringBuilder out = new StringBuilder("\n");
        String title = String.format(Locale.ROOT, " %s · %s edition · %s mode · score %s / %s ", settings.lab(),
                settings.edition(), settings.modeName(), points(score), points(max));
        out.append(StringUtils.center(title, 110, '=')).append('\n');
        out.append(String.format(Locale.ROOT, "%-5s %-52s %-12s %-13s %-12s %s%n", "task", "check", "points",
                "verdict", "measured", "target"));
        for (CheckResult r : results) {
            out.append(String.format(Locale.ROOT, "%-5s %-52s %-12s %-13s %-12s %s%n", r.task(),
                    StringUtils.abbreviate(r.name(), 52), points(r.points()) + " / " + points(r.maxPoints()),
                    r.outcome(), StringUtils.abbreviate(firstPart(r.measured()), 12), firstPart(r.target())));
        }
        for (CheckResult r : results) {
            if (r.outcome() != Outcome.PASS && !r.message().isEmpty() && r.outcome() != Outcome.SKIPPED) {
                out.append("\n[").append(r.outcome()).append("] ").append(r.name()).append('\n')
                        .append(indent(r.message())).append('\n');
            }
        }
        for (String line : observations) {
            out.append(ResultsJson.OBSERVED).append(line).append('\n');
        }
        out.append("machine: ").append(machine.describe()).append("; input seed ").append(settings.seed()).append('\n');
        for (String distortion : machine.distortions()) {
            out.append("warning: ").append(distortion).append('\n');
        }
        out.append("report:  ").append(settings.reportDir().resolve("results.json")).append('\n');
        out.append("=".repeat(110)).append('\n');
        return out.toString();
    }

    private static String firstPart(String text) {
        int semicolon = text.indexOf(';');
        return semicolon < 0 ? text : text.substring(0, semicolon) + " …";
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    private static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
