package org.vmaware.grader.runtime;

import java.util.ArrayList;
import java.util.List;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import org.vmaware.grader.GradeBook;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Machine;
import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.report.ResultsJson;
import org.vmaware.grader.report.ScoreTable;

/**
 * Prints the score table when a test run ends in this JVM (the proof's children). Registered through
 * {@code META-INF/services}. A supervised child (on the channel) prints none: its supervisor draws the table once,
 * from every child's results.
 */
public final class ScoreTableListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            GradeBook book = GradeBook.get();
            book.changed();
            if (!book.results().isEmpty() && !Channel.isOpen()) {
                GradingSettings settings = GradingSettings.current();
                System.out.print(ScoreTable.render(heading(settings),
                        ResultsJson.tree(book.results(), book.observations(), book.elapsedSeconds()).path("tests"),
                        book.observations(), footer(settings, Machine.current(), List.of())));
                System.out.flush();
            }
        } catch (IllegalArgumentException e) {
            // A bad -Dgrade.* value: every check already failed with this message; say it once more, plainly.
            System.out.println("grader: " + e.getMessage());
        }
    }

    /** What a score table is of: the lab, the edition, the mode. */
    public static String heading(GradingSettings settings) {
        return settings.lab() + " · " + settings.edition() + " edition · " + settings.describeMode();
    }

    /** The lines under a score table: the machine, its distortions, the notes, where results.json is. */
    public static List<String> footer(GradingSettings settings, Machine machine, List<String> notes) {
        List<String> lines = new ArrayList<>();
        lines.add("machine: " + machine.describe() + "; input seed " + settings.seed());
        machine.distortions().forEach(d -> lines.add("warning: " + d));
        notes.forEach(n -> lines.add("note: " + n));
        lines.add("report:  " + settings.reportDir().resolve("results.json"));
        return lines;
    }
}
