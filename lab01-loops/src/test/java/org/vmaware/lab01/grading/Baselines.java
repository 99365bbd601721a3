package org.vmaware.lab01.grading;

import java.util.List;

/**
 * The naive side of every comparison, kept with the tests so that a submission cannot make it slower: copies of the
 * methods the starter marks GIVEN.
 */
public final class Baselines {

    private Baselines() {
    }

    static int func(int count, int value) {
        return count + value;
    }

    public static long noOpt(int arraySize, int[] theArray) {
        long sumVal = 0;
        for (int idx = 0; idx < arraySize; idx++) {
            for (int count = 0; count < 5; count++) {
                theArray[idx] = func(count, theArray[idx]);
                sumVal += theArray[idx];
            }
        }
        return sumVal;
    }

    public static long sumBoxed(List<Integer> values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values.get(i);
        }
        return sum;
    }

    public static int sumAtLeast128WithBranch(int[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] >= 128) {
                sum += bytes[i];
            }
        }
        return sum;
    }

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

    public static double sumOneAccumulator(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }
}
