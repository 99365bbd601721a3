package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SignTestTest {

    @Test
    void orderStatisticMatchesTheBinomialTail() {
        // P(B(20) <= 0) = 9.5e-7, P(B(20) <= 1) = 2.0e-5, P(B(20) <= 2) = 2.0e-4
        assertEquals(2, SignTest.orderStatistic(20, 4e-5));
        assertEquals(1, SignTest.orderStatistic(20, 1e-5));
        assertEquals(3, SignTest.orderStatistic(20, 3e-4));
        assertEquals(0, SignTest.orderStatistic(5, 0.01));
    }

    @Test
    void intervalBracketsTheSampleMedian() {
        double[] samples = {5, 1, 4, 2, 3, 9, 8, 7, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        double[] interval = SignTest.medianInterval(samples, 4e-5);
        assertEquals(2, interval[0]);
        assertEquals(10.5, interval[1]);
        assertEquals(19, interval[2]);
    }

    @Test
    void tooFewSamplesGiveAnUnboundedInterval() {
        double[] interval = SignTest.medianInterval(new double[] {1, 2, 3}, 0.001);
        assertEquals(Double.NEGATIVE_INFINITY, interval[0]);
        assertEquals(Double.POSITIVE_INFINITY, interval[2]);
    }

    @Test
    void coverageIsAtLeastTheStatedLevel() {
        // 20,000 intervals of skewed samples whose true median is 1.0: each side may miss at most alpha of them.
        SplittableRandom random = new SplittableRandom(1);
        double alpha = 0.01;
        int missesLow = 0;
        int missesHigh = 0;
        int trials = 20_000;
        for (int t = 0; t < trials; t++) {
            double[] samples = new double[30];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = Math.exp(random.nextGaussian() * 0.5); // log-normal, median 1
            }
            double[] interval = SignTest.medianInterval(samples, alpha);
            missesLow += interval[0] > 1.0 ? 1 : 0;
            missesHigh += interval[2] < 1.0 ? 1 : 0;
        }
        assertTrue(missesLow <= alpha * trials * 1.3, "low side missed " + missesLow);
        assertTrue(missesHigh <= alpha * trials * 1.3, "high side missed " + missesHigh);
    }
}
