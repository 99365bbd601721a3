package org.vmaware.lab01;

/**
 * One floating-point accumulator against four: REFERENCE SOLUTION (lab01, task 5).
 *
 * <p>Floating-point addition is not associative, so the JIT must add in the order the code says: one accumulator
 * means one chain of dependent additions. Four accumulators are four chains the core runs side by side. The JIT may
 * reorder an {@code int} sum (integer addition is associative, so the result cannot change), never a {@code double}
 * one.</p>
 */
public final class Accumulators {

    private Accumulators() {
    }

    /** Naive on purpose: one chain of dependent additions. */
    public static double sumOneAccumulator(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** Four chains, then their sum. */
    public static double sumFourAccumulators(double[] values, int from, int to) {
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            sum0 += values[i];
            sum1 += values[i + 1];
            sum2 += values[i + 2];
            sum3 += values[i + 3];
        }
        for (; i < to; i++) {
            sum0 += values[i];
        }
        return (sum0 + sum1) + (sum2 + sum3);
    }
}
