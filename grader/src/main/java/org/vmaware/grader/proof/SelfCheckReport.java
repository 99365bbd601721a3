package org.vmaware.grader.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The figures of a repeated proof ({@code --repeat=N}): how often a verdict was wrong or inconclusive, how long a
 * verdict and a whole lab took, and each timing check's measured speed-ups with their margin to the target, so an
 * instructor can judge a grading machine and set thresholds from evidence.
 */
final class SelfCheckReport {

    private SelfCheckReport() {
    }

    /** Verdicts that contradict the declared expectation (INCONCLUSIVE is counted apart). */
    static int wrongVerdicts(List<ProveEditions.Run> runs) {
        int wrong = 0;
        for (ProveEditions.Run run : runs) {
            for (JsonNode check : run.checks()) {
                wrong += isWrong(run.edition(), check) ? 1 : 0;
            }
        }
        return wrong;
    }

    static boolean isWrong(String edition, JsonNode check) {
        String outcome = check.path("extra_data").path("outcome").asText();
        String expected = check.path("extra_data").path("expect_" + edition).asText();
        switch (expected) {
            case "PASS":
                return outcome.equals("FAIL") || outcome.equals("PARTIAL");
            case "FAIL":
                return outcome.equals("PASS");
            default:
                return false;
        }
    }

    static String render(String lab, List<ProveEditions.Run> runs) {
        int verdicts = 0;
        int timingVerdicts = 0;
        int inconclusive = 0;
        List<Double> verdictSeconds = new ArrayList<>();
        Map<String, List<Double>> gradingSeconds = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, Double> targets = new LinkedHashMap<>();
        for (ProveEditions.Run run : runs) {
            if (!run.rerun()) {
                gradingSeconds.computeIfAbsent(run.edition(), e -> new ArrayList<>()).add(run.millis() / 1000.0);
            }
            for (JsonNode check : run.checks()) {
                JsonNode extra = check.path("extra_data");
                verdicts++;
                inconclusive += extra.path("outcome").asText().equals("INCONCLUSIVE") ? 1 : 0;
                if (extra.path("kind").asText().equals("TIMING")) {
                    timingVerdicts++;
                    verdictSeconds.add(extra.path("elapsed_ms").asDouble() / 1000.0);
                }
                // a timing check decided by another measure (lab04's p99 wait) has no speed-up to tabulate
                if (extra.path("kind").asText().equals("TIMING") && extra.path("verdict").has("median")) {
                    String key = check.path("name").asText() + " | " + run.edition();
                    ratios.computeIfAbsent(key, k -> new ArrayList<>()).add(extra.path("verdict").path("median").asDouble());
                    targets.put(key, extra.path("verdict").path("spec").path("target").asDouble());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n[self-check] %s: %d graded JVM runs%n", lab, runs.size()));
        out.append(String.format(Locale.ROOT, "  wrong verdicts: %d of %d (timing verdicts: %d); inconclusive: %d%n",
                wrongVerdicts(runs), verdicts, timingVerdicts, inconclusive));
        if (!verdictSeconds.isEmpty()) {
            out.append(String.format(Locale.ROOT, "  seconds per timing verdict: median %.2f, p90 %.2f, max %.2f%n",
                    quantile(verdictSeconds, 0.5), quantile(verdictSeconds, 0.9), quantile(verdictSeconds, 1.0)));
        }
        gradingSeconds.forEach((edition, seconds) -> out.append(String.format(Locale.ROOT,
                "  grading the %s edition (child JVM, start-up included): median %.1f s, max %.1f s%n", edition,
                quantile(seconds, 0.5), quantile(seconds, 1.0))));
        if (!ratios.isEmpty()) {
            out.append(String.format(Locale.ROOT, "  %-58s %-10s %9s %9s %9s %8s %s%n", "timing check", "edition",
                    "min", "median", "max", "target", "margin"));
        }
        ratios.forEach((key, values) -> {
            String[] parts = key.split(" \\| ");
            double target = targets.get(key);
            double low = quantile(values, 0.0);
            double high = quantile(values, 1.0);
            String margin = parts[1].equals("reference") ? String.format(Locale.ROOT, "min/target %.1fx", low / target)
                    : String.format(Locale.ROOT, "target/max %.1fx", target / high);
            out.append(String.format(Locale.ROOT, "  %-58s %-10s %8.2fx %8.2fx %8.2fx %7.1fx %s%n", parts[0], parts[1],
                    low, quantile(values, 0.5), high, target, margin));
        });
        return out.toString();
    }

    private static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
