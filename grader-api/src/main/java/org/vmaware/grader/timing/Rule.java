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
 * look after 12 rounds, then after 20, 30, ... and the last round; at each, the median's sign-test interval:
 *   low  &gt;= target                                   PASS
 *   high &lt;  target, every band below decided        FAIL (PARTIAL where the interval's low end proves a band)
 *   high &lt;  target at the last look                  FAIL or PARTIAL
 *   otherwise                                        go on; INCONCLUSIVE after the last look
 * each attempt spends errorBudget / attempts: half at the first look, half spread over the later ones
 *   defaults (0.1%, 2 attempts, 80 rounds):  look 12: 2.5e-4, k = 1;  looks 20 ... 80: 3.6e-5 each, k = 2 at 20
 * </pre>
 *
 * <p>Why this schedule: the exact sign test at 0.1% needs 12 rounds before any interval exists (2^-12 = 2.4e-4), so
 * a large effect (every round far above its target, as a reference is) can be decided after 12 rounds only if the
 * first look gets about half an attempt's budget. The later looks, where near-target effects are decided, keep the
 * same k as evenly spread looks every 5 rounds would have (k = 2 at 20, 5 at 30, 8 at 40, 23 at 80), so they lose
 * nothing but the looks in between.</p>
 */
public final class Rule {

    /** Rounds between the later looks, which start at {@link #SECOND_LOOK}. */
    static final int LOOK_EVERY = 10;
    /** The second look; the first is at {@link Spec#FIRST_LOOK}. */
    static final int SECOND_LOOK = 20;

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

    /** Whether the engine looks after this many rounds: the first look, every tenth from the second, the last. */
    public static boolean isLook(int rounds, Spec spec) {
        return rounds == Spec.FIRST_LOOK || rounds == spec.maxRounds()
                || (rounds >= SECOND_LOOK && rounds < spec.maxRounds() && (rounds - SECOND_LOOK) % LOOK_EVERY == 0);
    }

    /** Looks per attempt. */
    static int looks(Spec spec) {
        int looks = 0;
        for (int rounds = 1; rounds <= spec.maxRounds(); rounds++) {
            looks += isLook(rounds, spec) ? 1 : 0;
        }
        return looks;
    }

    /**
     * The error the look after {@code rounds} rounds may spend: each attempt gets an equal share of the budget, its
     * first look half of that share, and its later looks the other half evenly.
     */
    public static double alphaAt(int rounds, Spec spec) {
        double attempt = spec.errorBudget() / (1 + spec.retries());
        return rounds == Spec.FIRST_LOOK ? attempt / 2 : attempt / 2 / (looks(spec) - 1);
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
        double[] interval = SignTest.medianInterval(ratios, alphaAt(ratios.length, spec));
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
     * rounds it would measure, and ends at {@link Spec#maxRounds()} or at the look where the clock-time budget ran
     * out (rounds after the last look in the sequence are not used: the engine only stops at looks).
     */
    public static Decision decide(double[] ratios, Spec spec) {
        int available = Math.min(ratios.length, spec.maxRounds());
        int lastLook = 0;
        for (int rounds = 1; rounds <= available; rounds++) {
            lastLook = isLook(rounds, spec) ? rounds : lastLook;
        }
        for (int rounds = 1; rounds <= lastLook; rounds++) {
            if (isLook(rounds, spec)) {
                Decision decision = atLook(Arrays.copyOf(ratios, rounds), spec, rounds == lastLook);
                if (decision != null) {
                    return decision;
                }
            }
        }
        return inconclusive(spec, available, SignTest.medianInterval(Arrays.copyOf(ratios, available),
                alphaAt(available, spec)));
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
