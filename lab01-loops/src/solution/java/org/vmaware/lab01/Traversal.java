package org.vmaware.lab01;

/**
 * Column by column against row by row: REFERENCE SOLUTION (lab01, task 4).
 *
 * <p>A Java {@code int[][]} is an array of row arrays. Reading a row from start to end uses every byte of each
 * 64-byte cache line it loads and lets the prefetcher run ahead; reading down a column loads a whole line for 4
 * bytes and jumps to another array for the next one. No JIT swaps the loops for you.</p>
 */
public final class Traversal {

    private Traversal() {
    }

    /** Naive on purpose: the inner loop walks down a column. */
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

    /** The inner loop reads one row array from start to end. */
    public static long sumRowByRow(int[][] matrix, int fromRow, int toRow) {
        long sum = 0;
        for (int row = fromRow; row < toRow; row++) {
            for (int value : matrix[row]) {
                sum += value;
            }
        }
        return sum;
    }
}
