package org.vmaware.grader;

import org.opentest4j.AssertionFailedError;

/**
 * A failed check that still earns part of its points: thrown only by the verdict engine, which computed the
 * fraction.
 *
 * <p>The fraction travels in this object, not in state the code under test could reach: a graded check earns
 * partial credit only when it ends with one of these ({@link GradingExtension}), so code that records a fraction
 * somewhere and then throws earns nothing.</p>
 */
public final class ScoredFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final double fraction;

    /**
     * @param message  the feedback
     * @param fraction the fraction of the check's points earned, 0 to 1
     */
    public ScoredFailure(String message, double fraction) {
        super(message);
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a fraction is between 0 and 1, got " + fraction);
        }
        this.fraction = fraction;
    }

    /** The fraction of the check's points earned. */
    public double fraction() {
        return fraction;
    }
}
