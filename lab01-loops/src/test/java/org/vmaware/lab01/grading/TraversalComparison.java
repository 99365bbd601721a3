package org.vmaware.lab01.grading;

import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.SpeedUp;
import org.vmaware.lab01.Traversal;

/**
 * 4b: the student's {@code sumRowByRow} against the tests' {@code sumColumnByColumn}, on random row ranges of a
 * {@link Rubric#MATRIX_SIZE}-square matrix. A public class, so a JVM of its own can rebuild it by name and profile a
 * failed check (docs/profiles.md).
 *
 * <p>Each side reads its own copy of the matrix (the code under test never gets an array the naive code reads
 * later), and each call sets one element and puts it back ({@link Probe}); the kept answers are checked against
 * prefix sums of the rows as made.</p>
 */
public final class TraversalComparison implements Comparison<Probe, Long> {

    private final int[][] matrix;
    private final int[][] yours;
    private final long[] prefix;

    public TraversalComparison() {
        int[][] rows = matrix(GradingSettings.current().random("traversal data"), Rubric.MATRIX_SIZE, Rubric.MATRIX_SIZE);
        // copies made alike, one after the other: their rows lie in memory the same way, so the stride down a
        // column, which decides this check's cache misses, is the same for both sides
        matrix = copy(rows);
        yours = copy(rows);
        prefix = Probe.prefixSums(matrix.length, row -> {
            long sum = 0;
            for (int value : matrix[row]) {
                sum += value;
            }
            return sum;
        });
    }

    @Override
    public Probe input(RandomGenerator random) {
        return Probe.atLeastHalf(random, Rubric.MATRIX_SIZE, Rubric.MATRIX_SIZE * Rubric.MATRIX_SIZE,
                RandomGenerator::nextInt);
    }

    @Override
    public Long baseline(Probe probe) {
        return withProbe(matrix, probe, () -> Baselines.sumColumnByColumn(matrix, probe.from(), probe.to()));
    }

    @Override
    public Long candidate(Probe probe) {
        return withProbe(yours, probe, () -> Traversal.sumRowByRow(yours, probe.from(), probe.to()));
    }

    @Override
    public SpeedUp<Probe, Long> speedUp(String name) {
        int columns = Rubric.MATRIX_SIZE;
        return Comparison.super.speedUp(name).oracle(probe -> probe.oracle(prefix, probe.position() / columns,
                probe.value(), matrix[probe.position() / columns][probe.position() % columns]));
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

    static int[][] copy(int[][] matrix) {
        int[][] copy = new int[matrix.length][];
        for (int row = 0; row < matrix.length; row++) {
            copy[row] = matrix[row].clone();
        }
        return copy;
    }

    static int[][] matrix(RandomGenerator random, int rows, int columns) {
        int[][] matrix = new int[rows][];
        for (int row = 0; row < rows; row++) {
            matrix[row] = random.ints(columns).toArray();
        }
        return matrix;
    }
}
