package org.vmaware.lab01.grading;

import java.util.function.IntToLongFunction;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;

/**
 * One timed call's question: the sum over {@code [from, to)} of shared data whose element at {@code position} is
 * {@code value} for this call only. Both sides set the element, ask, and put the old one back, inside the timed
 * call: O(1) beside a sum over at least half the data.
 *
 * <p>Why the element: the data (up to 20 MB) is built once, so a range alone asks about one fixed array, and an
 * answer cached by the array's identity (prefix sums, say) would be right for every call. With one element set
 * at random before each call, a cached answer is stale on about half the calls, and the engine checks the answers
 * it keeps against {@link #oracle}: prefix sums the tests build over the data as made, plus this call's change.</p>
 *
 * <pre>
 * data {5, -2, 7}, Probe(0, 3, 1, 10)    asks 5 + 10 + 7 = 22, then data is {5, -2, 7} again
 * data {5, -2, 7}, Probe(2, 3, 1, 10)    asks 7: the changed element lies outside the range
 * </pre>
 *
 * @param from     the range's first index (inclusive)
 * @param to       the range's end (exclusive)
 * @param position the element set for this call: an index, or for a matrix {@code row * columns + column}
 * @param value    its value for this call
 */
record Probe(int from, int to, int position, int value) {

    /**
     * A random range of at least half of {@code size} units (elements or rows), and a random element of the
     * {@code elements} to change, to a value from {@code values}.
     */
    static Probe atLeastHalf(RandomGenerator random, int size, int elements, ToIntFunction<RandomGenerator> values) {
        Range range = Range.atLeastHalf(random, size);
        return new Probe(range.from(), range.to(), random.nextInt(elements), values.applyAsInt(random));
    }

    /** Whether unit {@code index} (an element, or the changed element's row) lies in the range. */
    boolean covers(int index) {
        return from <= index && index < to;
    }

    /** {@code prefix[i]} is the sum of the first {@code i} units: the tests' trusted answers, O(1) per call. */
    static long[] prefixSums(int units, IntToLongFunction unit) {
        long[] prefix = new long[units + 1];
        for (int i = 0; i < units; i++) {
            prefix[i + 1] = prefix[i] + unit.applyAsLong(i);
        }
        return prefix;
    }

    /**
     * The trusted answer: the range's sum over the data as made, corrected by this call's change.
     *
     * @param prefix    {@link #prefixSums} of the units as made
     * @param unitOf    the unit (element or row) the changed element belongs to
     * @param weightNow what the changed element adds to the sum with this call's value
     * @param weightWas what it added as made
     */
    long oracle(long[] prefix, int unitOf, long weightNow, long weightWas) {
        return prefix[to] - prefix[from] + (covers(unitOf) ? weightNow - weightWas : 0);
    }
}
