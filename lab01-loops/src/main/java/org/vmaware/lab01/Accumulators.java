package org.vmaware.lab01;

/**
 * One floating-point accumulator against four: YOUR CODE (lab01, task 5).
 *
 * <p>Both methods return the sum of {@code values[from]} to {@code values[to - 1]}. Adding in another order can
 * change the last bits of a {@code double} sum; the grader accepts that on general values and, on values that are
 * whole numbers (whose sums are exact in any order), wants the exact sum.</p>
 * <pre>
 * sumOneAccumulator(new double[] {1, 2, 3, 4, 5}, 0, 5)     = 15.0
 * sumFourAccumulators(new double[] {1, 2, 3, 4, 5}, 1, 5)   = 14.0
 * </pre>
 */
public final class Accumulators {

    private Accumulators() {
    }

    /**
     * GIVEN, and naive on purpose: each addition needs the previous one's result, so the loop runs at the latency
     * of one floating-point add (about 3 to 4 cycles) per element, whatever else the core could do meanwhile.
     */
    public static double sumOneAccumulator(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    /**
     * Task 5: four independent sums (elements 0, 4, 8 ... in the first, 1, 5, 9 ... in the second, and so on), added
     * together at the end; elements left over when the length is not a multiple of four go into any of them.
     */
    public static double sumFourAccumulators(double[] values, int from, int to) {
        // TODO task 5: four accumulators, so four additions can be in flight at once
        return sumOneAccumulator(values, from, to);
    }
}
