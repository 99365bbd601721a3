package org.vmaware.grader.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.report.Html;
import org.vmaware.grader.report.Verdicts;

/**
 * Writes one grading's results in every form its readers need, all from the same document:
 *
 * <pre>
 * results.json     Gradescope's format, provenance in extra_data
 * junit.xml        one testcase per check, for CI dashboards and graders that read JUnit XML (CodeGrade, Jenkins)
 * summary.md       the score table in Markdown (a GitHub job summary)
 * report.html      one self-contained page with charts: speed-ups against their targets, bytes side by side
 * test-output.txt  what the code under test printed, capped
 * </pre>
 *
 * <p>Checks whose visibility is not {@code visible} show their score in the Markdown and HTML forms, never their
 * output: what a hidden test checks stays hidden.</p>
 */
public final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {
    }

    public static void writeAll(ObjectNode results, Path out) throws IOException {
        Files.createDirectories(out);
        JsonNode outputs = ((ObjectNode) results.path("extra_data")).remove("test_jvm_output");
        StringBuilder printed = new StringBuilder();
        if (outputs != null) {
            int run = 1;
            for (JsonNode text : outputs) {
                printed.append("==== test JVM ").append(run++).append(" ====\n").append(text.asText()).append('\n');
            }
        }
        write(out.resolve("test-output.txt"), printed.toString());
        write(out.resolve("junit.xml"), junitXml(results));
        write(out.resolve("summary.md"), markdown(results));
        write(out.resolve("report.html"), Html.render(results));
        // results.json last: a pipeline that sees it can read everything else
        write(out.resolve("results.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    }

    /** Writes through a temporary file and a move, so a reader never sees half a file. */
    private static void write(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static boolean visible(JsonNode test) {
        return test.path("visibility").asText("visible").equals("visible");
    }

    static String junitXml(JsonNode results) {
        List<JsonNode> tests = new ArrayList<>();
        results.path("tests").forEach(tests::add);
        long failures = tests.stream().filter(t -> !Verdicts.of(t).passed()).count();
        String lab = results.path("extra_data").path("lab").asText();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\""
                + " skipped=\"0\" time=\"%d\">%n", xml(lab), tests.size(), failures,
                results.path("execution_time").asLong()));
        xml.append("  <properties>\n");
        results.path("extra_data").properties().forEach(f -> {
            if (f.getValue().isValueNode()) {
                xml.append("    <property name=\"").append(xml(f.getKey())).append("\" value=\"")
                        .append(xml(f.getValue().asText())).append("\"/>\n");
            }
        });
        xml.append("  </properties>\n");
        for (JsonNode t : tests) {
            String id = t.path("extra_data").path("id").asText();
            String cls = id.contains("#") ? id.substring(0, id.indexOf('#')) : lab;
            double seconds = t.path("extra_data").path("elapsed_ms").asLong() / 1000.0;
            xml.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s %s (%s/%s points)\" time=\"%.3f\"",
                    xml(cls), xml(t.path("number").asText()), xml(t.path("name").asText()),
                    Grading.format(t.path("score").asDouble()), Grading.format(t.path("max_score").asDouble()), seconds));
            Verdicts.Shown shown = Verdicts.of(t);
            if (shown.passed()) {
                xml.append("/>\n");
            } else {
                // JUnit XML has no partial credit: every verdict but PASS is a failure, its points in the message
                String output = visible(t) ? t.path("output").asText() : "hidden until the instructor releases it";
                xml.append(">\n    <failure message=\"").append(xml(shown.headline())).append("\" type=\"")
                        .append(xml(shown.verdict())).append("\">").append(xml(output)).append("</failure>\n  </testcase>\n");
            }
        }
        xml.append("  <system-out>").append(xml(results.path("output").asText())).append("</system-out>\n");
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    static String markdown(JsonNode results) {
        JsonNode extra = results.path("extra_data");
        StringBuilder md = new StringBuilder();
        md.append("## ").append(extra.path("lab").asText()).append(": ")
                .append(Grading.format(results.path("score").asDouble())).append(" / ")
                .append(Grading.format(extra.path("max_score").asDouble())).append(" points\n\n");
        md.append("| # | check | points | verdict | measured |\n|---|---|---|---|---|\n");
        for (JsonNode t : results.path("tests")) {
            JsonNode data = t.path("extra_data");
            JsonNode verdict = data.path("verdict");
            String measured = verdict.has("median") ? String.format(Locale.ROOT, "%.2fx (target %.2gx)",
                    verdict.path("median").asDouble(), verdict.path("spec").path("target").asDouble())
                    : data.has("bytes_ratio") ? String.format(Locale.ROOT, "%.1fx fewer bytes",
                            data.path("bytes_ratio").asDouble()) : "";
            md.append("| ").append(t.path("number").asText()).append(" | ").append(cell(t.path("name").asText()))
                    .append(" | ").append(Grading.format(t.path("score").asDouble())).append(" / ")
                    .append(Grading.format(t.path("max_score").asDouble())).append(" | ")
                    .append(visible(t) ? Verdicts.of(t).verdict() : "hidden").append(" | ")
                    .append(visible(t) ? cell(measured) : "").append(" |\n");
        }
        md.append("\n");
        for (JsonNode t : results.path("tests")) {
            if (visible(t) && !Verdicts.of(t).passed()) {
                md.append("### ").append(t.path("number").asText()).append(" ").append(t.path("name").asText())
                        .append("\n\n").append(Verdicts.of(t).headline()).append("\n\n```\n")
                        .append(t.path("output").asText().replace("```", "'''")).append("\n```\n\n");
            }
        }
        md.append("```\n").append(results.path("output").asText().replace("```", "'''")).append("\n```\n");
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    static String xml(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF))
                .forEach(clean::appendCodePoint);
        return escape(clean.toString());
    }

    /** Escapes the five characters that are special in XML and HTML text and attributes. */
    static String escape(String text) {
        return Html.escape(text);
    }
}
