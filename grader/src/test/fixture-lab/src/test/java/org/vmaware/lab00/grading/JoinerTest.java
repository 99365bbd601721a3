package org.vmaware.lab00.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.GradeBook;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Observation;
import org.vmaware.grader.Visibility;
import org.vmaware.lab00.Joiner;

/** The fixture lab's checks: one correctness check on seeded inputs, one timing check, one hidden check. */
class JoinerTest {

    @Graded(task = 1, points = 1, starter = Expect.PASS, calls = "Joiner#join")
    @DisplayName("1 join returns the pieces in order")
    void joins() {
        RandomGenerator random = GradingSettings.current().random("joins");
        for (int i = 0; i < 20; i++) {
            String[] pieces = pieces(random, 1 + random.nextInt(50));
            assertEquals(String.join("", pieces), Joiner.join(pieces), "join of " + pieces.length + " pieces");
        }
    }

    @Graded(task = 2, points = 2, kind = CheckKind.TIMING, starter = Expect.FAIL, calls = "Joiner#join")
    @DisplayName("2 join is at least 5x faster than +=")
    void faster() {
        SpeedUpCheck.require();
    }

    @Graded(task = 3, points = 1, starter = Expect.PASS, visibility = Visibility.HIDDEN)
    @DisplayName("3 join of no pieces (hidden)")
    void empty() {
        assertEquals("x", Joiner.join(new String[] {"x"}), "SECRET-EXPECTATION one piece");
        assertEquals("", Joiner.join(new String[0]), "SECRET-EXPECTATION no pieces");
    }

    @Observation
    void observe() {
        GradeBook.get().observe("fixture observation: the seed is " + GradingSettings.current().seed());
    }

    static String[] pieces(RandomGenerator random, int n) {
        String[] pieces = new String[n];
        for (int i = 0; i < n; i++) {
            pieces[i] = Long.toString(random.nextLong(), 36);
        }
        return pieces;
    }

    static String plusLoop(String[] pieces) {
        String s = "";
        for (String piece : pieces) {
            s += piece;
        }
        return s;
    }
}
