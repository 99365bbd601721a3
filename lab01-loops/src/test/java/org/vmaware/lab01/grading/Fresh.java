package org.vmaware.lab01.grading;

import java.util.random.RandomGenerator;

import org.vmaware.grader.KeyedRandom;

/**
 * One timed call's question, on data no call saw before: the range {@code [from, to)} of a fresh random array, one
 * copy for the naive side and one for the code under test, and the answer, summed as the array was drawn.
 *
 * <p>Why fresh data for every call: with one array built per check and one element changed per call, code that
 * kept a copy and its prefix sums found the changed element with a vectorized compare and corrected a remembered
 * answer, as fast as the lesson's code and without it (red team 9). A fresh array leaves nothing to remember. Its
 * memory grows with the candidate's speed, so these checks time shorter batches
 * ({@link Rubric#FRESH_BATCH_MICROS}).</p>
 *
 * @param <A> the array type
 * @param naive    the naive side's copy
 * @param yours    the copy the code under test gets
 * @param from     the range's first index (inclusive)
 * @param to       the range's end (exclusive)
 * @param expected the range's sum, drawn with the data: the trusted answer (of integers)
 * @param sum       the range's {@code double} sum in index order, as one accumulator adds it (of doubles)
 * @param magnitude the sum of the range's absolute values, which bounds any order's rounding (of doubles)
 */
record Fresh<A>(A naive, A yours, int from, int to, long expected, double sum, double magnitude) {

    /** What one element adds to the sum. */
    interface Weight {
        long of(int value);
    }

    /** {@code size} random ints below {@code bound} and a random range of at least half of them. */
    static Fresh<int[]> ints(RandomGenerator inputs, int size, int bound, Weight weight) {
        Range range = Range.atLeastHalf(inputs, size);
        RandomGenerator elements = KeyedRandom.forOneInput(inputs);
        int[] values = new int[size];
        long expected = 0;
        for (int i = 0; i < size; i++) {
            values[i] = elements.nextInt(bound);
            expected += range.from() <= i && i < range.to() ? weight.of(values[i]) : 0;
        }
        return new Fresh<>(values, values.clone(), range.from(), range.to(), expected, expected, 0);
    }

    /**
     * {@code size} random doubles in {@code [-bound, bound)}, with fractions, and a random range of at least half.
     * Not whole numbers: on those a sum can be carried in a {@code long}, one integer add a step, and the lesson's
     * chain of floating-point additions is gone (red team 11).
     */
    static Fresh<double[]> doubles(RandomGenerator inputs, int size, double bound) {
        Range range = Range.atLeastHalf(inputs, size);
        RandomGenerator elements = KeyedRandom.forOneInput(inputs);
        double[] values = new double[size];
        double sum = 0;
        double magnitude = 0;
        for (int i = 0; i < size; i++) {
            values[i] = elements.nextDouble(-bound, bound);
            if (range.from() <= i && i < range.to()) {
                sum += values[i];
                magnitude += Math.abs(values[i]);
            }
        }
        return new Fresh<>(values, values.clone(), range.from(), range.to(), 0, sum, magnitude);
    }

    @Override
    public String toString() {
        // the engine prints a wrong answer's input: the range, not thousands of numbers
        return "[" + from + ", " + to + ") of fresh random data";
    }
}
