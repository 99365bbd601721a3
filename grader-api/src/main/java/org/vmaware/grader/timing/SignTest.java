package org.vmaware.grader.timing;

import java.util.Arrays;

/**
 * An exact, distribution-free confidence interval for a median, from the sign test.
 *
 * <p>For {@code n} independent samples, the true median lies below the {@code k}-th smallest sample with
 * probability {@code P(Binomial(n, 1/2) <= k - 1)}, whatever the samples' distribution. So the k-th smallest and
 * k-th largest samples bound the median, each side failing with at most the chosen probability.</p>
 * <pre>
 * n = 20, one-sided alpha 4e-5  -&gt; k = 2: the interval is [2nd smallest, 2nd largest]
 * n = 40, one-sided alpha 4e-5  -&gt; k = 8
 * n = 5,  one-sided alpha 0.01  -&gt; no interval (k = 0): too few samples for that confidence
 * </pre>
 */
public final class SignTest {

    private SignTest() {
    }

    /**
     * The interval's lower and upper bounds for the median of {@code samples}, each side wrong with probability at
     * most {@code oneSidedAlpha}; {@code -Infinity / +Infinity} where the samples are too few for that confidence.
     *
     * @param samples        the samples (not modified)
     * @param oneSidedAlpha  the error probability allowed on each side
     * @return {@code {low, median, high}}
     */
    public static double[] medianInterval(double[] samples, double oneSidedAlpha) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int k = orderStatistic(n, oneSidedAlpha);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        if (k == 0) {
            return new double[] {Double.NEGATIVE_INFINITY, median, Double.POSITIVE_INFINITY};
        }
        return new double[] {sorted[k - 1], median, sorted[n - k]};
    }

    /** The largest k with {@code P(Binomial(n, 1/2) <= k - 1) <= alpha}, or 0 if even k = 1 is too likely. */
    static int orderStatistic(int n, double alpha) {
        double probability = Math.pow(0.5, n);
        double cumulative = 0;
        int k = 0;
        for (int i = 0; i <= n / 2; i++) {
            cumulative += probability;
            if (cumulative > alpha) {
                break;
            }
            k = i + 1;
            probability = probability * (n - i) / (i + 1);
        }
        return k;
    }
}
