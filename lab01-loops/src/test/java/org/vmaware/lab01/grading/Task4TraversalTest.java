package org.vmaware.lab01.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.Bursts;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.lab01.Traversal;

/** Task 4: a matrix summed row by row against column by column. */
@DisplayName("Task 4: row vs column order")
class Task4TraversalTest {

    @Graded(task = 4, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "Traversal#sumRowByRow")
    @DisplayName("4a sumRowByRow returns the column-by-column sum")
    void rowByRowIsCorrect() {
        RandomGenerator random = GradingSettings.current().random("traversal correctness");
        int[][] shapes = {{0, 0}, {1, 0}, {1, 1}, {3, 5}, {5, 3}, {64, 64}, {100, 7}, {7, 100}};
        for (int[] shape : shapes) {
            int[][] matrix = TraversalComparison.matrix(random, shape[0], shape[1]);
            int[][] yours = TraversalComparison.copy(matrix); // the code under test never gets an array the naive code reads later
            for (int i = 0; i < 20; i++) {
                Range rows = i == 0 ? new Range(0, shape[0]) : Range.any(random, shape[0]);
                assertEquals(Baselines.sumColumnByColumn(matrix, rows.from(), rows.to()),
                        Traversal.sumRowByRow(yours, rows.from(), rows.to()),
                        () -> "sumRowByRow over rows " + rows + " of a " + shape[0] + "x" + shape[1] + " matrix");
            }
        }
        int[][] burstMatrix = TraversalComparison.matrix(random, 24, 24);
        int[][] yourBurstMatrix = TraversalComparison.copy(burstMatrix);
        Bursts.run(i -> {
            Range rows = Range.any(random, burstMatrix.length);
            assertEquals(Baselines.sumColumnByColumn(burstMatrix, rows.from(), rows.to()),
                    Traversal.sumRowByRow(yourBurstMatrix, rows.from(), rows.to()),
                    () -> "sumRowByRow over rows " + rows + " of a 24x24 matrix, call " + i + " of bursts with pauses");
        });
    }

    @Graded(task = 4, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Traversal#sumRowByRow")
    @DisplayName("4b row by row beats column by column")
    void rowByRowIsFaster() {
        new TraversalComparison().speedUp("row by row vs column by column, random row ranges of a "
                        + Rubric.MATRIX_SIZE + "x" + Rubric.MATRIX_SIZE + " matrix")
                .atLeast(Rubric.TRAVERSAL_TARGET).hint(Hints.forCheck("4b")).measure().require();
    }
}
