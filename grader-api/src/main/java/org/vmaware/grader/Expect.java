package org.vmaware.grader;

/** The outcome a graded check must have on one edition of a lab (the proof checks it). */
public enum Expect {
    /** Full points. */
    PASS,
    /** Not full points: the naive code misses the target. */
    FAIL,
    /** Either: the starter's correct but naive code may earn correctness points, or may not. */
    ANY
}
