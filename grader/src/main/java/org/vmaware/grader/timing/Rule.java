package org.vmaware.grader.timing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.vmaware.grader.Outcome;

/**
 * The engine's decision as a pure function of the paired per-round speed-ups and the check's {@link Spec}: no clock,
 * no input, no code under test. Sampling produces the ratios; this rule alone turns them into a verdict.
 *
 * <pre>
 * look after 20 rounds, then every 5; at each, the median's sign-test interval at alphaPerLook:
 *   low  &gt;= target                                   PASS
 *   high &lt;  target, every band below decided        FAIL (PARTIAL where the interval's low end proves a band)
 *   high &lt;  target at the last look                  FAIL or PARTIAL
 *   otherwise                                        go on; INCONCLUSIVE after the last look
 * alphaPerLook = errorBudget / (looks x attempts):   0.001 / (13 x 2) = 3.8e-5 for the defaults
 * </pre>
 */
public final class Rule {

    /** Rounds between looks, after the first at {@link Spec#MIN_ROUNDS}. */
    static final int LOOK_EVERY = 5;

    private Rule() {
    }

    /**
     * One decision on a prefix of ratios.
     *
     * @param outcome  PASS, PARTIAL, FAIL, or INCONCLUSIVE
     * @param rounds   the rounds it used
     * @param interval {low, median, high} of the median's interval
     * @param fraction the share of the points earned
     */
    public record Decision(Outcome outcome, int rounds, double[] interval, double fraction) {
        public Decision {
            interval = interval.clone();
        }

        @Override
        public double[] interval() {
            return interval.clone();
        }
    }

    /** Whether the engine looks after this many rounds. */
    public static boolean isLook(int rounds) {
        return rounds >= Spec.MIN_ROUNDS && (rounds - Spec.MIN_ROUNDS) % LOOK_EVERY == 0;
    }

    /** The error one look may spend: the budget split evenly over every look of every attempt. */
    public static double alphaPerLook(Spec spec) {
        return spec.errorBudget() / ((double) spec.looks() * (1 + spec.retries()));
    }

    /**
     * The decision at one look, or {@code null} to go on measuring.
     *
     * @param ratios the paired speed-ups so far (not modified)
     * @param spec   the check
     * @param last   whether no more rounds will come (the last round, or the clock-time budget spent)
     */
    public static Decision atLook(double[] ratios, Spec spec, boolean last) {
        spec.requireTarget();
        double[] interval = SignTest.medianInterval(ratios, alphaPerLook(spec));
        if (interval[0] >= spec.target()) {
            return new Decision(Outcome.PASS, ratios.length, interval, 1.0);
        }
        // below the target, stop only once the partial credit is decided too (or the rounds run out): stopping at
        // the first look would withhold a band the next rounds could prove
        if (interval[2] < spec.target() && (bandsDecided(spec.bands(), spec.target(), interval) || last)) {
            double fraction = partialFraction(spec, interval);
            return new Decision(fraction > 0 ? Outcome.PARTIAL : Outcome.FAIL, ratios.length, interval, fraction);
        }
        return last ? inconclusive(spec, ratios.length, interval) : null;
    }

    /**
     * An attempt's decision on a whole sequence of ratios, looking as the engine does: the sequence stands for the
     * rounds it would measure, and ends at {@link Spec#maxRounds()} or where the clock-time budget ran out.
     */
    public static Decision decide(double[] ratios, Spec spec) {
        int available = Math.min(ratios.length, spec.maxRounds());
        for (int rounds = 1; rounds <= available; rounds++) {
            boolean last = rounds == available;
            if (isLook(rounds) || (last && rounds >= Spec.MIN_ROUNDS)) {
                Decision decision = atLook(Arrays.copyOf(ratios, rounds), spec, last);
                if (decision != null) {
                    return decision;
                }
            }
        }
        return inconclusive(spec, available, SignTest.medianInterval(Arrays.copyOf(ratios, available),
                alphaPerLook(spec)));
    }

    /** A decision that the ratios could not make: the bands the interval already proves are kept. */
    private static Decision inconclusive(Spec spec, int rounds, double[] interval) {
        return new Decision(Outcome.INCONCLUSIVE, rounds, interval, partialFraction(spec, interval));
    }

    /** The fraction of the highest band below the target that the interval's low end proves, or 0. */
    static double partialFraction(Spec spec, double[] interval) {
        return spec.bands().stream().filter(b -> b.atLeast() < spec.target() && interval[0] >= b.atLeast())
                .max(Comparator.comparingDouble(Band::atLeast)).map(Band::fraction).orElse(0.0);
    }

    /**
     * Whether no partial-credit band below {@code target} has its threshold inside {@code interval} ({low, median,
     * high}): each band is then proven (low end at or above it) or ruled out (high end below it).
     */
    static boolean bandsDecided(List<Band> bands, double target, double[] interval) {
        return bands.stream().filter(b -> b.atLeast() < target)
                .noneMatch(b -> interval[0] < b.atLeast() && b.atLeast() <= interval[2]);
    }
}
