package org.vmaware.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vmaware.grader.CheckKind;
import org.vmaware.grader.CheckResult;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Outcome;
import org.vmaware.grader.Visibility;

/** results.json uses only the fields and values of Gradescope's specification (docs/gradescope-format.md). */
class ResultsJsonTest {

    private static final Set<String> TOP_LEVEL = Set.of("score", "execution_time", "output", "output_format",
            "test_output_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard");
    private static final Set<String> PER_TEST = Set.of("score", "max_score", "status", "name", "number", "output",
            "output_format", "tags", "visibility", "extra_data");
    private static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");

    @Test
    void onlyDocumentedFieldsAndValues() {
        List<CheckResult> results = List.of(
                result("a", 1, Outcome.PASS, 2, Visibility.VISIBLE),
                result("b", 2, Outcome.PARTIAL, 0.5, Visibility.HIDDEN),
                result("c", 2, Outcome.INCONCLUSIVE, 0, Visibility.AFTER_DUE_DATE));
        Map<String, Object> doc = ResultsJson.document(results, List.of("seen"), 3);
        assertTrue(TOP_LEVEL.containsAll(doc.keySet()), doc.keySet()::toString);
        assertEquals(2.5, doc.get("score"));
        assertTrue(VISIBILITIES.contains(doc.get("visibility")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tests = (List<Map<String, Object>>) doc.get("tests");
        assertEquals(3, tests.size());
        for (Map<String, Object> test : tests) {
            assertTrue(PER_TEST.containsAll(test.keySet()), test.keySet()::toString);
            assertTrue(Set.of("passed", "failed").contains(test.get("status")));
            assertTrue(VISIBILITIES.contains(test.get("visibility")));
            assertEquals("text", test.get("output_format"));
        }
        assertEquals("passed", tests.get(0).get("status"));
        assertEquals("failed", tests.get(1).get("status"), "partial credit is not a pass");
        assertEquals("failed", tests.get(2).get("status"), "inconclusive is never a pass");
        assertEquals("2.2", tests.get(2).get("number"));
        assertEquals("hidden", tests.get(1).get("visibility"));
    }

    private static CheckResult result(String id, int task, Outcome outcome, double points, Visibility visibility) {
        return new CheckResult(id, task, "check " + id, CheckKind.TIMING, points, 2, outcome, "", "", "", visibility,
                Expect.PASS, Expect.FAIL, "", Map.of(), 10);
    }
}
