package org.vmaware.grader;

/** What a graded check measures, which decides when it runs and how it is shown. */
public enum CheckKind {
    /** Results are right: runs in every mode. */
    CORRECTNESS,
    /** A deterministic cost: allocated bytes, growth from n to 2n, counted operations. Runs in every mode. */
    DETERMINISTIC,
    /** A speed-up measured with the timing verdict engine. Skipped in correctness mode. */
    TIMING
}
