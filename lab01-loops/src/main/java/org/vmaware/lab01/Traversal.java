package org.vmaware.lab01;

/**
 * Column by column against row by row: YOUR CODE (lab01, task 4).
 *
 * <p>Both methods return the sum of every element of the rows {@code fromRow} (inclusive) to {@code toRow}
 * (exclusive) of a rectangular matrix, as a {@code long}.</p>
 * <pre>
 * sumColumnByColumn(new int[][] {{1, 2}, {3, 4}}, 0, 2)   = 10
 * sumRowByRow(new int[][] {{1, 2}, {3, 4}}, 1, 2)         = 7
 * </pre>
 */
public final class Traversal {

    private Traversal() {
    }

    /**
     * GIVEN, and naive on purpose: the inner loop walks down a column, so consecutive reads land in different row
     * arrays, one cache line each.
     */
    public static long sumColumnByColumn(int[][] matrix, int fromRow, int toRow) {
        if (fromRow >= toRow) {
            return 0;
        }
        long sum = 0;
        int columns = matrix[fromRow].length;
        for (int column = 0; column < columns; column++) {
            for (int row = fromRow; row < toRow; row++) {
                sum += matrix[row][column];
            }
        }
        return sum;
    }

    /** Task 4: the same sum with the inner loop walking along a row. */
    public static long sumRowByRow(int[][] matrix, int fromRow, int toRow) {
        // TODO task 4: swap the loops, so the inner one reads one row array from start to end
        return sumColumnByColumn(matrix, fromRow, toRow);
    }
}
