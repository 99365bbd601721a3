package org.vmaware.grader.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** A handout's task table against the graded checks: counts, points and bold speed-up targets, per task. */
class HandoutTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Task 1: two correctness checks of 1 point; task 2: a 2-point timing check whose target is 1.5x. */
    private static final List<JsonNode> CHECKS = List.of(check("1.1", 1, null), check("1.2", 1, null),
            check("2.1", 2, 1.5));

    private static final String HEADER = "intro\n\n| task | file | what | checks | points |\n|---|---|---|---|---|\n";

    @Test
    void agreesWithATableThatSaysWhatTheChecksAre() {
        String readme = HEADER + "| 1 | `A` | returns the sum | 2 | 2 |\n| 2 | | and is **1.5x** faster | 1 | 2 |\n";
        assertEquals(List.of(), HandoutTable.problems(readme, CHECKS));
    }

    @Test
    void sumsATaskOverItsRows() {
        String readme = HEADER + "| 1 | `A` | one | 1 | 1 |\n| 1 | `A` | two | 1 | 1 |\n| 2 | | **1.5x** | 1 | 2 |\n";
        assertEquals(List.of(), HandoutTable.problems(readme, CHECKS));
    }

    @Test
    void namesATaskWithOtherPoints() {
        String readme = HEADER + "| 1 | `A` | returns the sum | 2 | 3 |\n| 2 | | **1.5x** faster | 1 | 2 |\n";
        assertEquals(List.of("the README's task table gives task 1 2 checks and 3 points; the rubric, 2 checks and 2"
                + " points"), HandoutTable.problems(readme, CHECKS));
    }

    @Test
    void namesATargetTheHandoutDoesNotSay() {
        String readme = HEADER + "| 1 | `A` | returns the sum | 2 | 2 |\n| 2 | | and is **2x** faster | 1 | 2 |\n";
        assertEquals(List.of("task 2's speed-up target is 1.5x, which its rows in the README's task table do not name"
                + " in bold (**1.5x**)"), HandoutTable.problems(readme, CHECKS));
    }

    @Test
    void namesMissingAndExtraTasks() {
        String readme = HEADER + "| 1 | `A` | returns the sum | 2 | 2 |\n| 3 | | more | 1 | 1 |\n";
        List<String> problems = HandoutTable.problems(readme, CHECKS);
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("the README's task table has no row for task 2"), problems::toString);
        assertEquals("the README's task table has task 3, which has no graded check", problems.get(1));
    }

    @Test
    void saysWhenThereIsNoTableOrARowCannotBeRead() {
        assertEquals(List.of("the README has no task table (a table whose header begins '| task |' and ends"
                + " '| checks | points |')"), HandoutTable.problems("# no table\n", CHECKS));
        String readme = HEADER + "| 1 | `A` | returns the sum | two | 2 |\n";
        assertTrue(HandoutTable.problems(readme, CHECKS).get(0).startsWith("a row of the README's task table has no"
                + " whole number of checks"), () -> HandoutTable.problems(readme, CHECKS).toString());
    }

    private static JsonNode check(String number, double points, Double target) {
        var node = JSON.createObjectNode().put("number", number).put("max_score", points);
        if (target != null) {
            node.putObject("extra_data").putObject("verdict").putObject("spec").put("target", target);
        }
        return node;
    }
}
