package org.vmaware.grader;

import org.opentest4j.TestAbortedException;

/**
 * Thrown when a timing check could not decide, even after a retry. JUnit reports the test as aborted, the score
 * table as INCONCLUSIVE: never as a pass, never as a fail.
 */
public final class InconclusiveException extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    private final double fraction;

    public InconclusiveException(String message) {
        this(message, 0);
    }

    /**
     * @param message  the feedback
     * @param fraction the fraction of the points already proven (a partial band), 0 to 1
     */
    public InconclusiveException(String message, double fraction) {
        super(message);
        this.fraction = Math.max(0, Math.min(1, fraction));
    }

    /** The fraction of the points already proven before the measurement ran out. */
    public double fraction() {
        return fraction;
    }
}
