package org.vmaware.grader.pipeline;

/** A problem with how the grader was called or set up (not with a submission): shown as it is, exit status 2. */
public final class GradingException extends Exception {

    private static final long serialVersionUID = 1L;

    private GradingException(String message) {
        super(message);
    }

    public static GradingException usage(String message) {
        return new GradingException(message);
    }
}
