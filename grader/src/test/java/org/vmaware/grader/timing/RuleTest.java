package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.vmaware.grader.Outcome;

/** The decision alone, on synthetic ratio sequences: no clock, no code timed, milliseconds per test. */
class RuleTest {

    private static final Spec TARGET_2 = Spec.defaults("synthetic", 1).withTarget(2);

    private static double[] constant(double ratio, int rounds) {
        double[] ratios = new double[rounds];
        Arrays.fill(ratios, ratio);
        return ratios;
    }

    /** Ratios spread around {@code median} by a factor of up to {@code spread} either way, in random order. */
    private static double[] noisy(double median, double spread, int rounds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = median * Math.pow(spread, random.nextDouble(-1, 1));
        }
        return ratios;
    }

    @Test
    void aClearSpeedUpPassesAtTheFirstLook() {
        Rule.Decision decision = Rule.decide(constant(3, 80), TARGET_2);
        assertEquals(Outcome.PASS, decision.outcome());
        assertEquals(Spec.FIRST_LOOK, decision.rounds());
        assertEquals(1.0, decision.fraction());
    }

    @Test
    void noSpeedUpFailsAtTheFirstLookWithEveryBandRuledOut() {
        Rule.Decision decision = Rule.decide(constant(1.0, 80), TARGET_2);
        assertEquals(Outcome.FAIL, decision.outcome());
        assertEquals(Spec.FIRST_LOOK, decision.rounds());
        assertEquals(0.0, decision.fraction());
    }

    @Test
    void aProvenBandEarnsPartialCredit() {
        // target 2: bands at sqrt(2) = 1.41 (0.5); its fourth root 1.19 is below 1.2x, so no third band
        assertEquals(List.of(new Band(2, 1.0), new Band(Math.sqrt(2), 0.5)), TARGET_2.bands());
        Rule.Decision decision = Rule.decide(constant(1.6, 80), TARGET_2);
        assertEquals(Outcome.PARTIAL, decision.outcome());
        assertEquals(0.5, decision.fraction());
    }

    @Test
    void aSpeedUpAtTheTargetStaysInconclusiveAfterTheLastRound() {
        double[] ratios = new double[80];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = i % 2 == 0 ? 1.9 : 2.1;
        }
        Rule.Decision decision = Rule.decide(ratios, TARGET_2);
        assertEquals(Outcome.INCONCLUSIVE, decision.outcome());
        assertEquals(80, decision.rounds());
        assertEquals(0.5, decision.fraction(), "the band at 1.41 is proven either way");
    }

    @Test
    void noDecisionBeforeTwelveRoundsAndNoneBetweenLooks() {
        assertEquals(Outcome.INCONCLUSIVE, Rule.decide(constant(3, 11), TARGET_2).outcome());
        assertNull(Rule.atLook(noisy(2, 1.5, 21, 3), TARGET_2, false), "a near-target effect at 21 rounds goes on");
        assertTrue(Rule.isLook(12, TARGET_2) && Rule.isLook(20, TARGET_2) && Rule.isLook(30, TARGET_2)
                && Rule.isLook(80, TARGET_2));
        assertTrue(!Rule.isLook(11, TARGET_2) && !Rule.isLook(13, TARGET_2) && !Rule.isLook(25, TARGET_2)
                && !Rule.isLook(81, TARGET_2));
        assertTrue(Rule.isLook(45, TARGET_2.withMaxRounds(45)) && !Rule.isLook(50, TARGET_2.withMaxRounds(45)),
                "the last round is a look, and nothing after it");
    }

    @Test
    void eachAttemptSpendsHalfItsShareAtTheFirstLookAndHalfOverTheRest() {
        // 80 rounds: looks at 12, 20, 30, ..., 80 = 8; one retry: each attempt 0.05%, its first look half of it
        assertEquals(8, Rule.looks(TARGET_2));
        assertEquals(0.0005 / 2, Rule.alphaAt(12, TARGET_2), 1e-12);
        assertEquals(0.0005 / 2 / 7, Rule.alphaAt(20, TARGET_2), 1e-12);
        double total = 0;
        for (int rounds = 1; rounds <= 80; rounds++) {
            total += Rule.isLook(rounds, TARGET_2) ? Rule.alphaAt(rounds, TARGET_2) : 0;
        }
        assertEquals(0.0005, total, 1e-12, "the looks of one attempt spend its share, no more");
        // the sign test's k at each look: 1 at 12 (2^-12 = 2.4e-4 fits 2.5e-4), 2 at 20, 5 at 30, 23 at 80
        assertEquals(1, SignTest.orderStatistic(12, Rule.alphaAt(12, TARGET_2)));
        assertEquals(2, SignTest.orderStatistic(20, Rule.alphaAt(20, TARGET_2)));
        assertEquals(5, SignTest.orderStatistic(30, Rule.alphaAt(30, TARGET_2)));
        assertEquals(23, SignTest.orderStatistic(80, Rule.alphaAt(80, TARGET_2)));
    }

    @Test
    void noisyRatiosDecideTheRightWay() {
        for (long seed = 0; seed < 200; seed++) {
            assertEquals(Outcome.PASS, Rule.decide(noisy(4, 1.6, 80, seed), TARGET_2).outcome(), "seed " + seed);
            assertTrue(Rule.decide(noisy(1, 1.6, 80, seed), TARGET_2).outcome() == Outcome.FAIL, "seed " + seed);
        }
    }

    @Test
    void aBandStraddledByTheIntervalWaitsForMoreRounds() {
        // 1.45 with noise: the band at 1.41 lies inside the early intervals, so the rule does not stop at the
        // first look with a plain FAIL that would withhold it
        double[] ratios = noisy(1.6, 1.3, 80, 11);
        Rule.Decision first = Rule.atLook(Arrays.copyOf(ratios, 12), TARGET_2, false);
        assertNull(first, "the band is not decided at the first look");
        assertEquals(Outcome.PARTIAL, Rule.decide(ratios, TARGET_2).outcome());
    }
}
