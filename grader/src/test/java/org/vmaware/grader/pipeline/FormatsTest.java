package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.vmaware.grader.report.Html;
import org.vmaware.grader.report.ResultsJson;
import org.vmaware.grader.report.ScoreTable;
import org.vmaware.grader.report.Verdicts;

/**
 * Every format says the same thing: the table "What each format says" in docs/grading.md, row by row, for
 * Gradescope's results.json, Classroom 50's result.json, JUnit XML and the Markdown summary of plain GitHub Actions.
 */
class FormatsTest {

    /** One check of each kind the table has a row for: outcome, points earned of 2, why it may depend on the machine. */
    private static final List<Object[]> ROWS = List.of(
            new Object[] {"PASS", 2.0, ""},
            new Object[] {"PARTIAL", 1.0, ""},
            new Object[] {"FAIL", 0.0, ""},
            new Object[] {"INCONCLUSIVE", 0.0, "needs two free CPUs"},
            new Object[] {"INCONCLUSIVE", 0.0, ""},
            new Object[] {"INCONCLUSIVE", 0.5, ""},
            new Object[] {"TIMED OUT", 0.0, ""},
            new Object[] {"CRASHED", 0.0, ""});
    /** The verdict each row shows in every format, and Classroom 50's points (x 4). */
    private static final List<String> SHOWN = List.of("PASS", "PARTIAL", "FAIL", "INCONCLUSIVE", "INCONCLUSIVE",
            "PARTIAL", "TIMED OUT", "CRASHED");
    private static final List<Integer> CLASSROOM50 = List.of(8, 4, 0, 0, 0, 2, 0, 0);

    private static ObjectNode results() {
        List<Map<String, Object>> tests = new ArrayList<>();
        int n = 0;
        for (Object[] row : ROWS) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("id", "Checks#check" + ++n);
            extra.put("outcome", row[0]);
            if (!((String) row[2]).isEmpty()) {
                extra.put("machine_dependent", row[2]);
            }
            tests.add(ResultsJson.test((double) row[1], 2, row[0].equals("PASS"), "check " + n, "1." + n,
                    row[0] + ": what the check said", List.of("task1"), "visible", extra));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("lab", "lab00-fixture");
        extra.put("max_score", 16.0);
        ObjectNode results = new ObjectMapper().valueToTree(ResultsJson.document(3.5, 1, "lab00-fixture", extra, tests));
        Verdicts.sayInGradescope(results);
        return results;
    }

    @Test
    void gradescopePassesPassAloneAndSaysWhyAnInconclusiveCheckEarnedWhatItDid() {
        JsonNode tests = results().path("tests");
        for (int i = 0; i < ROWS.size(); i++) {
            JsonNode test = tests.get(i);
            assertEquals(i == 0 ? "passed" : "failed", test.path("status").asText(), test::toString);
            assertEquals((double) ROWS.get(i)[1], test.path("score").asDouble());
            assertEquals(SHOWN.get(i), test.path("extra_data").path("shown").asText());
        }
        assertTrue(tests.get(3).path("output").asText().startsWith("INCONCLUSIVE: 0 of 2 points: earns nothing, the"
                + " grading machine lacks what the check needs (needs two free CPUs)"), tests.get(3)::toString);
        assertTrue(tests.get(4).path("output").asText().startsWith("INCONCLUSIVE: 0 of 2 points: earns nothing, the"
                + " measurement could not decide"), tests.get(4)::toString);
        assertTrue(tests.get(5).path("output").asText().startsWith("PARTIAL: 0.50 of 2 points for the lower band it"
                + " proved; the rest was undecided (INCONCLUSIVE)"), tests.get(5)::toString);
        assertEquals("TIMED OUT: what the check said", tests.get(6).path("output").asText(), "the others keep their text");
    }

    @Test
    void classroom50ScalesByFourAndPassesPassAlone() {
        JsonNode result = Classroom50Result.of(results(), Map.of(), Instant.EPOCH);
        JsonNode tests = result.path("tests");
        for (int i = 0; i < ROWS.size(); i++) {
            JsonNode test = tests.get(i);
            assertEquals(i == 0, test.path("passed").asBoolean());
            assertEquals(CLASSROOM50.get(i), test.path("score").asInt(), test::toString);
            assertEquals(8, test.path("max-score").asInt());
            assertEquals(SHOWN.get(i), test.path("verdict").asText());
            assertTrue(test.path("message").asText().startsWith(SHOWN.get(i) + ": "), test::toString);
        }
        assertEquals(14, result.path("score").asInt(), "the sum over tests[]");
        assertEquals(64, result.path("max-score").asInt());
        assertTrue(tests.get(3).path("message").asText().contains("needs two free CPUs"));
    }

    @Test
    void junitXmlFailsAllButPassWithThePointsInTheMessage() throws Exception {
        String xml = Reports.junitXml(results());
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("7", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < ROWS.size(); i++) {
            NodeList failure = ((Element) cases.item(i)).getElementsByTagName("failure");
            if (i == 0) {
                assertEquals(0, failure.getLength(), "PASS is the only testcase without a failure");
                continue;
            }
            Element f = (Element) failure.item(0);
            assertEquals(SHOWN.get(i), f.getAttribute("type"));
            assertTrue(f.getAttribute("message").startsWith(SHOWN.get(i) + ": " + Grading.format((double) ROWS.get(i)[1])
                    + " of 2 points"), f.getAttribute("message"));
        }
    }

    @Test
    void theActionsSummaryShowsTheSameVerdictsAndWhy() {
        String md = Reports.markdown(results());
        for (int i = 0; i < ROWS.size(); i++) {
            String row = md.lines().filter(l -> l.startsWith("| 1.")).toList().get(i);
            assertTrue(row.contains("| " + SHOWN.get(i) + " |"), row);
        }
        assertTrue(md.contains("INCONCLUSIVE: 0 of 2 points: earns nothing, the grading machine lacks what the check"
                + " needs (needs two free CPUs)"), md);
        assertTrue(md.contains("PARTIAL: 0.50 of 2 points for the lower band it proved; the rest was undecided"), md);
    }

    @Test
    void theConsoleTableAndTheHtmlReportShowTheSameVerdicts() {
        String table = ScoreTable.render("lab00-fixture", results().path("tests"), List.of(), List.of());
        String html = Html.render(results());
        for (int i = 0; i < ROWS.size(); i++) {
            String name = "check " + (i + 1);
            String row = table.lines().filter(l -> l.contains(name + " ")).findFirst().orElseThrow();
            assertTrue(row.contains(" " + SHOWN.get(i) + " "), row);
            String cells = html.substring(html.indexOf("<td>" + name + "</td>"));
            cells = cells.substring(0, cells.indexOf("</tr>"));
            assertTrue(cells.endsWith(">" + SHOWN.get(i) + "</td>"), cells);
        }
    }

    @Test
    void theDocsHaveTheTable() throws Exception {
        String docs = Files.readString(Path.of("../docs/grading.md"));
        assertTrue(docs.contains("## What each format says"), "docs/grading.md has the table");
        for (String row : List.of("| PASS |", "| PARTIAL |", "| FAIL |", "| INCONCLUSIVE, machine-dependent |",
                "| INCONCLUSIVE, not machine-dependent |", "| INCONCLUSIVE, a lower band proven |", "| TIMED OUT |",
                "| CRASHED |")) {
            assertTrue(docs.contains(row), "a row " + row);
        }
    }
}
