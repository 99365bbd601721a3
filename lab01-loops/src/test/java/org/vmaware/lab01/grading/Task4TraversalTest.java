package org.vmaware.lab01.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.Bursts;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.grader.timing.SpeedUp;
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
            int[][] matrix = matrix(random, shape[0], shape[1]);
            int[][] yours = copy(matrix); // the code under test never gets an array the naive code reads later
            for (int i = 0; i < 20; i++) {
                Range rows = i == 0 ? new Range(0, shape[0]) : Range.any(random, shape[0]);
                assertEquals(Baselines.sumColumnByColumn(matrix, rows.from(), rows.to()),
                        Traversal.sumRowByRow(yours, rows.from(), rows.to()),
                        () -> "sumRowByRow over rows " + rows + " of a " + shape[0] + "x" + shape[1] + " matrix");
            }
        }
        int[][] burstMatrix = matrix(random, 24, 24);
        int[][] yourBurstMatrix = copy(burstMatrix);
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
        // both sides get copies made alike, one after the other: their rows lie in memory the same way, so the
        // stride down a column, which decides this check's cache misses, is the same for both sides
        int[][] rows = matrix(GradingSettings.current().random("traversal data"), Rubric.MATRIX_SIZE,
                Rubric.MATRIX_SIZE);
        int[][] matrix = copy(rows);
        int[][] yours = copy(rows); // each side reads its own copy: see Task3BranchesTest
        int columns = Rubric.MATRIX_SIZE;
        long[] prefix = Probe.prefixSums(matrix.length, row -> {
            long sum = 0;
            for (int value : matrix[row]) {
                sum += value;
            }
            return sum;
        });
        // each call sets one element and puts it back: see Probe
        SpeedUp.of("row by row vs column by column, random row ranges of a " + Rubric.MATRIX_SIZE + "x"
                        + Rubric.MATRIX_SIZE + " matrix",
                random -> Probe.atLeastHalf(random, Rubric.MATRIX_SIZE, Rubric.MATRIX_SIZE * columns,
                        RandomGenerator::nextInt),
                probe -> withProbe(matrix, probe, () -> Baselines.sumColumnByColumn(matrix, probe.from(), probe.to())),
                probe -> withProbe(yours, probe, () -> Traversal.sumRowByRow(yours, probe.from(), probe.to())))
                .oracle(probe -> probe.oracle(prefix, probe.position() / columns, probe.value(),
                        matrix[probe.position() / columns][probe.position() % columns]))
                .atLeast(Rubric.TRAVERSAL_TARGET)
                .hint(Hints.forCheck("4b"))
                .measure().require();
    }

    private static int[][] copy(int[][] matrix) {
        int[][] copy = new int[matrix.length][];
        for (int row = 0; row < matrix.length; row++) {
            copy[row] = matrix[row].clone();
        }
        return copy;
    }

    /** Sets the probe's element (row-major position in a square matrix), asks, and puts the old one back. */
    private static long withProbe(int[][] matrix, Probe probe, LongSupplier sum) {
        int[] row = matrix[probe.position() / matrix.length];
        int column = probe.position() % matrix.length;
        int was = row[column];
        row[column] = probe.value();
        try {
            return sum.getAsLong();
        } finally {
            row[column] = was;
        }
    }

    private static int[][] matrix(RandomGenerator random, int rows, int columns) {
        int[][] matrix = new int[rows][];
        for (int row = 0; row < rows; row++) {
            matrix[row] = random.ints(columns).toArray();
        }
        return matrix;
    }
}
