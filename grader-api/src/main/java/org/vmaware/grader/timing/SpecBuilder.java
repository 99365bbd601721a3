package org.vmaware.grader.timing;

import java.util.List;
import java.util.Objects;

import org.vmaware.grader.GradingSettings;

/**
 * The builder both {@link SpeedUp} and {@link ForkedSpeedUp} offer: each method replaces one field of the check's
 * immutable {@link Spec}, so what a forked child runs is exactly what was built here.
 *
 * @param <B> the concrete builder
 */
public abstract class SpecBuilder<B extends SpecBuilder<B>> {

    private Spec spec;

    SpecBuilder(String name) {
        spec = Spec.defaults(name, GradingSettings.current().seed());
    }

    abstract B self();

    /**
     * The speed-up needed for full points; partial credit comes in the default bands below it: half the points at
     * its square root, a quarter at its fourth root, each only where at least 1.2x ({@link Band#NAIVE_REACH}).
     */
    public B atLeast(double speedUp) {
        spec = spec.withTarget(speedUp);
        return self();
    }

    /** Replaces the partial-credit bands below the target (each at least 1.2x). */
    public B partialCredit(Band... lower) {
        spec = spec.withPartialCredit(List.of(lower));
        return self();
    }

    /** What to try when the check fails: the lab's hint for this check, {@code Hints.forCheck("2b")}. */
    public B hint(String text) {
        spec = spec.withHint(Objects.requireNonNull(text));
        return self();
    }

    /** The clock: thread CPU time (default) or wall time where threads are the point. */
    public B clock(Clock which) {
        spec = spec.withClock(Objects.requireNonNull(which));
        return self();
    }

    /** The probability of a wrong verdict this check may spend, over all its looks and its retry (default 0.001). */
    public B errorBudget(double alpha) {
        spec = spec.withErrorBudget(alpha);
        return self();
    }

    /** The rounds one attempt may take (default 80; at least 20). */
    public B maxRounds(int rounds) {
        spec = spec.withMaxRounds(rounds);
        return self();
    }

    /** The calls per side and round whose answers are kept and checked (default {@link Spec#CHECKED_PER_ROUND}). */
    public B checkedPerRound(int calls) {
        spec = spec.withCheckedPerRound(calls);
        return self();
    }

    /**
     * Shorter batches than the default 2.5 ms of clock time (at least 10 µs), the least warm-up and the budget shortened in
     * proportion: for a check that gives every call fresh data, whose memory per round grows with the batch.
     */
    public B batchMicros(long micros) {
        if (micros < 10) {
            throw new IllegalArgumentException("a batch of at least 10 µs, many steps of the clock: " + micros);
        }
        spec = spec.withBatch(micros * 1000);
        return self();
    }

    /** Fixes the input seed (default: the run's seed; the inputs are keyed by it and this check's name). */
    public B seed(long value) {
        spec = spec.withSeed(value);
        return self();
    }

    /** The whole specification built so far. */
    public Spec spec() {
        return spec;
    }

    /** Replaces the whole specification, as a child JVM does with its parent's: no field is defaulted again. */
    B use(Spec whole) {
        spec = Objects.requireNonNull(whole);
        return self();
    }
}
