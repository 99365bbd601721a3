package org.vmaware.grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.vmaware.grader.profile.Profile;

/**
 * The self-contained HTML report: no scripts, no external files, so it opens from a CI artifact or an e-mail.
 * Its charts are inline SVG:
 *
 * <pre>
 * speed-up chart   one row per timing check: a bar from 1x to the measured median, the confidence interval
 *                  as a whisker, the target as a red line (logarithmic scale, so 2x and 200x both fit)
 * bytes chart      one pair of bars per allocation check: the naive baseline's bytes and yours, on a linear scale of
 *                  the pair's own (the larger bar full length), with the bytes and the ratio written beside them
 * </pre>
 */
public final class Html {

    public static final String BAR = "#2b6cb0";
    public static final String TARGET = "#d62728";
    public static final String NAIVE = "#a0a0a0";
    private static final int WIDTH = 760;
    private static final int LABEL = 300;
    private static final int ROW = 34;

    private Html() {
    }

    /** The report of one grading, from its results.json. */
    public static String render(JsonNode results) {
        JsonNode extra = results.path("extra_data");
        String lab = extra.path("lab").asText();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(lab)).append(" grading report</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:64em;color:#222}\n")
                .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;"
                        + "text-align:left;vertical-align:top}\n")
                .append(".PASS{color:#1a7f37}.FAIL,.CRASHED,.TIMED{color:#b42318}.PARTIAL,.INCONCLUSIVE{color:#9a6700}\n")
                .append("pre{background:#f6f8fa;padding:8px;white-space:pre-wrap}svg text{font-size:12px}\n")
                .append("</style></head><body>\n");
        html.append("<h1>").append(escape(lab)).append(": <span id=\"score\">")
                .append(ScoreTable.points(results.path("score").asDouble())).append("</span> / ")
                .append(ScoreTable.points(extra.path("max_score").asDouble())).append(" points</h1>\n");
        html.append("<p>").append(escape(extra.path("edition").asText())).append(" graded in ")
                .append(results.path("execution_time").asLong()).append(" s, seed ")
                .append(extra.path("seed").asText()).append(", Java ").append(escape(extra.path("java_version").asText()))
                .append(", engine ").append(escape(extra.path("engine_version").asText())).append("</p>\n");
        html.append("<table id=\"checks\"><tr><th>#</th><th>check</th><th>points</th><th>verdict</th></tr>\n");
        for (JsonNode t : results.path("tests")) {
            String outcome = visible(t) ? Verdicts.of(t).verdict() : "hidden";
            html.append("<tr><td>").append(escape(t.path("number").asText())).append("</td><td>")
                    .append(escape(t.path("name").asText())).append("</td><td>")
                    .append(ScoreTable.points(t.path("score").asDouble())).append(" / ")
                    .append(ScoreTable.points(t.path("max_score").asDouble())).append("</td><td class=\"")
                    .append(escape(outcome.split(" ")[0])).append("\">").append(escape(outcome)).append("</td></tr>\n");
        }
        html.append("</table>\n");
        html.append(speedUps(results));
        html.append(bytes(results));
        html.append("<h2>Feedback</h2>\n");
        for (JsonNode t : results.path("tests")) {
            if (visible(t) && !t.path("status").asText().equals("passed")) {
                html.append("<h3>").append(escape(t.path("number").asText() + " " + t.path("name").asText()))
                        .append("</h3>\n<pre>").append(escape(t.path("output").asText())).append("</pre>\n");
            }
        }
        html.append(profiles(results));
        html.append("<h2>The run</h2>\n<pre>").append(escape(results.path("output").asText())).append("</pre>\n");
        html.append("</body></html>\n");
        return html.toString();
    }

    private static String speedUps(JsonNode results) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode t : results.path("tests")) {
            if (visible(t) && t.path("extra_data").path("verdict").has("median")) {
                rows.add(t);
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        double top = 2;
        for (JsonNode t : rows) {
            JsonNode d = t.path("extra_data").path("verdict");
            top = Math.max(top, Math.max(d.path("spec").path("target").asDouble(), finite(d.path("high").asDouble(),
                    d.path("median").asDouble())));
        }
        double low = 0.5;
        double high = top * 1.5;
        int height = rows.size() * ROW + 30;
        StringBuilder svg = new StringBuilder("<h2>Speed-up against its target</h2>\n");
        svg.append(String.format(Locale.ROOT, "<svg id=\"speedup-chart\" width=\"%d\" height=\"%d\" role=\"img\""
                + " aria-label=\"measured speed-up of each timing check against its target\">%n", WIDTH, height));
        double[] ticks = high > 60 ? new double[] {1, 10, 100, 1000, 10000, 100000} : new double[] {0.5, 1, 2, 5, 10, 20, 50};
        for (double tick : ticks) {
            if (tick <= high) {
                double x = x(tick, low, high);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%sx</text>%n", x, x, height - 20, x,
                        height - 5, ScoreTable.points(tick)));
            }
        }
        int y = 4;
        for (JsonNode t : rows) {
            JsonNode d = t.path("extra_data").path("verdict");
            double median = Math.max(low, d.path("median").asDouble());
            double target = d.path("spec").path("target").asDouble();
            double from = x(1, low, high);
            double to = x(Math.min(median, high), low, high);
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>%n", y + 17,
                    escape(t.path("number").asText() + " " + shorten(t.path("name").asText(), 40))));
            svg.append(String.format(Locale.ROOT, "<rect class=\"speedup\" data-check=\"%s\" data-median=\"%.3f\""
                    + " x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>%n",
                    escape(t.path("extra_data").path("id").asText()), median, Math.min(from, to), y + 4, Math.max(1, Math.abs(to - from)), BAR));
            double lo = d.path("low").asDouble();
            double hi = finite(d.path("high").asDouble(), median);
            if (lo > 0) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#111\""
                        + " stroke-width=\"2\"/>%n", x(Math.max(lo, low), low, high), y + 14,
                        x(Math.min(hi, high), low, high), y + 14));
            }
            double tx = x(target, low, high);
            svg.append(String.format(Locale.ROOT, "<line class=\"target\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
                    + " stroke=\"%s\" stroke-width=\"3\"/>%n", tx, y, tx, y + 28, TARGET));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2fx (target %sx)</text>%n",
                    Math.min(WIDTH - 130.0, Math.max(to, tx) + 6), y + 17, d.path("median").asDouble(),
                    ScoreTable.points(target)));
            y += ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String bytes(JsonNode results) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode t : results.path("tests")) {
            JsonNode d = t.path("extra_data");
            if (visible(t) && d.has("baseline_bytes") && d.has("candidate_bytes")) {
                rows.add(t);
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        int height = rows.size() * (2 * 18 + 14) + 10;
        StringBuilder svg = new StringBuilder("<h2>Bytes allocated: the naive version and yours</h2>\n");
        svg.append(String.format(Locale.ROOT, "<svg id=\"bytes-chart\" width=\"%d\" height=\"%d\" role=\"img\""
                + " aria-label=\"bytes allocated by the naive version and by the submission\">%n", WIDTH, height));
        int y = 4;
        for (JsonNode t : rows) {
            JsonNode d = t.path("extra_data");
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>%n", y + 13,
                    escape(t.path("number").asText() + " " + shorten(t.path("name").asText(), 40))));
            double naive = d.path("baseline_bytes").asDouble();
            double yours = d.path("candidate_bytes").asDouble();
            // linear, each pair on its own scale: a log scale drew 435,696 B at two thirds of 463,867,440 B
            double top = Math.max(1, Math.max(naive, yours));
            String ratio = yours <= 0 ? "" : naive >= yours
                    ? String.format(Locale.ROOT, " (%,.1fx less)", naive / yours)
                    : String.format(Locale.ROOT, " (%,.1fx more)", yours / Math.max(1, naive));
            String[][] bars = {{"naive", NAIVE, Double.toString(naive), ""}, {"yours", BAR, Double.toString(yours), ratio}};
            for (String[] bar : bars) {
                double value = Double.parseDouble(bar[2]);
                double w = Math.max(1, (WIDTH - LABEL - 200) * value / top);
                svg.append(String.format(Locale.ROOT, "<rect class=\"bytes %s\" data-check=\"%s\" x=\"%d\" y=\"%d\""
                        + " width=\"%.1f\" height=\"16\" fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">%s: %,.0f B%s</text>%n",
                        bar[0], escape(d.path("id").asText()), LABEL, y, w, bar[1], LABEL + w + 6, y + 13, bar[0], value,
                        bar[3]));
                y += 18;
            }
            y += 14;
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * Per profiled check: a bar chart of the frames the samples fell in (the student's methods in blue, the JDK's
     * in grey) and a table of how the JIT compiled the student's methods and what it inlined or refused. Every name
     * comes from a JVM that ran student code, so every one is escaped.
     */
    private static String profiles(JsonNode results) {
        StringBuilder html = new StringBuilder();
        for (JsonNode t : results.path("tests")) {
            JsonNode profile = t.path("extra_data").path("profile");
            if (!visible(t) || profile.isMissingNode()) {
                continue;
            }
            if (html.length() == 0) {
                html.append("<h2>What the JVM did with your code</h2>\n<p>Profiles from Java Flight Recorder, each made"
                        + " in a JVM of its own after the timed runs (your code and the naive version alternating).</p>\n");
            }
            String id = escape(t.path("extra_data").path("id").asText());
            html.append("<h3>").append(escape(t.path("number").asText() + " " + t.path("name").asText())).append("</h3>\n");
            if (profile.path("note").isTextual()) {
                html.append("<p class=\"profile-note\">No profile: ").append(escape(profile.path("note").asText()))
                        .append("</p>\n");
                continue;
            }
            List<JsonNode> frames = new ArrayList<>();
            profile.path("top_frames").forEach(frames::add);
            long samples = Math.max(1, profile.path("samples").asLong());
            int height = frames.size() * 20 + 8;
            html.append(String.format(Locale.ROOT, "<svg class=\"profile-chart\" data-check=\"%s\" width=\"%d\""
                    + " height=\"%d\" role=\"img\" aria-label=\"where the execution samples fell\">%n", id, WIDTH, height));
            int y = 4;
            for (JsonNode frame : frames) {
                double share = (double) frame.path("samples").asLong() / samples;
                double w = Math.max(1, (WIDTH - LABEL - 80) * share);
                html.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text><rect class=\"frame\""
                        + " x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">%.0f%%</text>%n",
                        y + 13, escape(shorten(frame.path("method").asText(), 48)), LABEL, y, w,
                        frame.path("yours").asBoolean() ? BAR : NAIVE, LABEL + w + 6, y + 13, 100 * share));
                y += 20;
            }
            html.append("</svg>\n");
            html.append("<table class=\"profile-jit\"><tr><th>your method</th><th>compiled at</th><th>code</th></tr>\n");
            for (JsonNode c : profile.path("compilations")) {
                html.append("<tr><td>").append(escape(c.path("method").asText())).append("</td><td>")
                        .append(escape(Profile.tierName(c.path("tier").asInt())))
                        .append(c.path("osr").asBoolean() ? " (on-stack replacement)" : "").append("</td><td>")
                        .append(c.path("code_bytes").asLong()).append(" B</td></tr>\n");
            }
            html.append("</table>\n<table class=\"profile-inlining\"><tr><th>into</th><th>callee</th><th>inlined</th>"
                    + "<th>the JIT's reason</th></tr>\n");
            for (JsonNode i : profile.path("inlining")) {
                html.append("<tr><td>").append(escape(i.path("caller").asText())).append("</td><td>")
                        .append(escape(i.path("callee").asText())).append("</td><td>")
                        .append(i.path("inlined").asBoolean() ? "yes" : "no").append("</td><td>")
                        .append(escape(i.path("reason").asText())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        return html.toString();
    }

    private static double x(double value, double low, double high) {
        double span = Math.log(high) - Math.log(low);
        return LABEL + (WIDTH - LABEL - 140) * (Math.log(Math.max(value, low)) - Math.log(low)) / span;
    }

    private static double finite(double value, double fallback) {
        return Double.isFinite(value) && value > 0 ? value : fallback;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Whether a test's result is shown: Gradescope's hidden checks are not, until the instructor releases them. */
    static boolean visible(JsonNode test) {
        return test.path("visibility").asText("visible").equals("visible");
    }

    /** Text made safe for HTML: frame names and messages come from student code. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
