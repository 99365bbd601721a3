package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.report.Html;

/**
 * The HTML report, rendered for real in headless Chromium: a screenshot must show the speed-up bars, the target
 * lines and the bytes bars in their colours. Where Chromium is missing the test is skipped, unless
 * {@code -Dreport.chromium=required} (CI) makes that a failure.
 */
class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void chartsRenderInHeadlessChromium() throws Exception {
        String chromium = chromium();
        boolean required = "required".equals(System.getProperty("report.chromium"));
        assumeTrue(chromium != null || required, "no chromium on the PATH: the rendering check is skipped");
        assertTrue(chromium != null, "-Dreport.chromium=required, but there is no chromium on the PATH");

        Path html = dir.resolve("report.html");
        Files.writeString(html, Html.render(results()));
        Path png = dir.resolve("report.png");
        Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1000,1400", "--screenshot=" + png, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium ended in time");
        assertEquals(0, process.exitValue(), () -> read(dir.resolve("chromium.log")));
        BufferedImage image = ImageIO.read(png.toFile());
        int bars = count(image, Html.BAR);
        int targets = count(image, Html.TARGET);
        int naive = count(image, Html.NAIVE);
        // two speed-up bars and two bytes bars of the submission, two target lines, two naive bytes bars
        assertTrue(bars > 2_000, "the blue bars are drawn: " + bars + " pixels");
        assertTrue(targets > 100, "the red target lines are drawn: " + targets + " pixels");
        assertTrue(naive > 1_000, "the naive bytes bars are drawn: " + naive + " pixels");
    }

    @Test
    void bytesBarsAreLinearAndSayTheRatio() {
        String html = Html.render(results());
        // 459,225,952 B against 225,088 B: the naive bar full length, yours a sliver, and the ratio in words
        assertTrue(html.contains("yours: 225,088 B (2,040.2x less)"), html);
        Matcher widths = Pattern.compile("class=\"bytes (naive|yours)\" data-check=\"B#3.1\" x=\"\\d+\" y=\"\\d+\""
                + " width=\"([0-9.]+)\"").matcher(html);
        double[] width = new double[2];
        for (int i = 0; i < 2 && widths.find(); i++) {
            width[i] = Double.parseDouble(widths.group(2));
        }
        assertTrue(width[0] > 200 && width[1] <= 1.0, () -> "naive " + width[0] + " px, yours " + width[1] + " px");
    }

    @Test
    void aProfileIsChartedAndEveryNameEscaped() {
        String html = Html.render(results());
        assertTrue(html.contains("<h2>What the JVM did with your code</h2>"), html);
        Matcher bars = Pattern.compile("<rect class=\"frame\" x=\"\\d+\" y=\"\\d+\" width=\"([0-9.]+)\"").matcher(html);
        List<Double> widths = new ArrayList<>();
        while (bars.find()) {
            widths.add(Double.parseDouble(bars.group(1)));
        }
        // 600 of 1,000 samples and 300 of 1,000: one bar twice the other
        assertEquals(2, widths.size(), html);
        assertEquals(2.0, widths.get(0) / widths.get(1), 0.01, widths::toString);
        // frame names come from code under test
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("tier 1 (C1)") && html.contains("callee is too large"), html);
    }

    /** A results document with two timing checks and two allocation checks, as the pipeline writes it. */
    private static ObjectNode results() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = json.createObjectNode();
        doc.put("score", 3.5);
        doc.put("execution_time", 12);
        doc.put("output", "lab99: 3.5 of 6 points");
        doc.putObject("extra_data").put("lab", "lab99").put("max_score", 6).put("edition", "submission");
        ArrayNode tests = doc.putArray("tests");
        timing(tests.addObject(), "2.1", "faster than +=", 86.6, 70.1, 99.0, 10);
        ObjectNode profiled = tests.addObject();
        timing(profiled, "2.2", "a bit faster", 1.9, 1.7, 2.2, 3);
        ObjectNode profile = ((ObjectNode) profiled.path("extra_data")).putObject("profile").put("samples", 1000);
        profile.putArray("top_frames").add(json.createObjectNode().put("method", "lab99.Mine.<script>alert(1)</script>")
                .put("samples", 600).put("yours", true)).add(json.createObjectNode().put("method", "java.util.Arrays.copyOf")
                .put("samples", 300).put("yours", false));
        profile.putArray("compilations").add(json.createObjectNode().put("method", "lab99.Mine.run").put("tier", 1)
                .put("osr", false).put("code_bytes", 480));
        profile.putArray("inlining").add(json.createObjectNode().put("caller", "lab99.Mine.run")
                .put("callee", "java.lang.StringBuilder.toString").put("inlined", false).put("reason", "callee is too large"));
        profile.putArray("allocations");
        bytes(tests.addObject(), "3.1", "fewer bytes", 459_225_952, 225_088);
        bytes(tests.addObject(), "3.2", "fewer bytes again", 200_439_976, 1_064_680);
        return doc;
    }

    private static void timing(ObjectNode test, String number, String name, double median, double low, double high,
            double target) {
        test.put("number", number).put("name", name).put("score", 2).put("max_score", 2).put("status", "passed")
                .put("visibility", "visible").put("output", "");
        ObjectNode verdict = test.putObject("extra_data").put("id", "T#" + number).put("outcome", "PASS")
                .putObject("verdict").put("median", median).put("low", low).put("high", high);
        verdict.putObject("spec").put("target", target);
    }

    private static void bytes(ObjectNode test, String number, String name, long naive, long yours) {
        test.put("number", number).put("name", name).put("score", 1).put("max_score", 1).put("status", "passed")
                .put("visibility", "visible").put("output", "");
        test.putObject("extra_data").put("id", "B#" + number).put("outcome", "PASS").put("baseline_bytes", naive)
                .put("candidate_bytes", yours).put("bytes_ratio", (double) naive / yours);
    }

    private static int count(BufferedImage image, String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
