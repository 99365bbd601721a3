package org.vmaware.grader;

import org.opentest4j.TestAbortedException;

/**
 * Thrown when a timing check could not decide, even after a retry. JUnit reports the test as aborted, the score
 * table as INCONCLUSIVE: never as a pass, never as a fail.
 */
public final class InconclusiveException extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    public InconclusiveException(String message) {
        super(message);
    }
}
