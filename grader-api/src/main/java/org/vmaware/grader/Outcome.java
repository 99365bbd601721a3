package org.vmaware.grader;

/** The result of one graded check. */
public enum Outcome {
    /** Full points. */
    PASS,
    /** Some points: a lower band of the speed-up was proven, the top one was not. */
    PARTIAL,
    /** No points. */
    FAIL,
    /** The measurement could not decide, even after a retry: reported, never turned into pass or fail. */
    INCONCLUSIVE,
    /** Not run in this mode (for example timing checks in correctness mode). */
    SKIPPED
}
