package org.vmaware.grader.runtime;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import org.vmaware.grader.GradeBook;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Machine;
import org.vmaware.grader.report.ScoreTable;

/**
 * Prints the score table when a test run ends. Registered through {@code META-INF/services}, so every lab's
 * {@code mvn test} ends with its table without configuration.
 */
public final class ScoreTableListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            GradeBook book = GradeBook.get();
            book.changed();
            if (!book.results().isEmpty()) {
                System.out.print(ScoreTable.render(book.results(), book.observations(), GradingSettings.current(),
                        Machine.current()));
                System.out.flush();
            }
        } catch (IllegalArgumentException e) {
            // A bad -Dgrade.* value: every check already failed with this message; say it once more, plainly.
            System.out.println("grader: " + e.getMessage());
        }
    }
}
