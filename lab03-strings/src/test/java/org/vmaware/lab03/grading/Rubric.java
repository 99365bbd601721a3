package org.vmaware.lab03.grading;

/**
 * lab03's points and thresholds: the one place an instructor reads and changes them.
 *
 * <p>Thresholds are ratios measured in one run, set from the worse of the two machines and JDKs in docs/measurements.md:
 * {@code +=} against the slowest builder-style variant at 10,000 pieces was at least 17.6x per sample (typical
 * about 400x); {@code +=} allocated 147 MB against a builder's 102 KB; bytes grew 3.94-3.99x from n to 2n for
 * {@code +=} and 1.74-2.12x for the others.</p>
 */
public final class Rubric {

    /** Task 1: each variant returns exactly what {@code +=} returns. */
    public static final double CORRECTNESS_POINTS = 1;

    /** Task 2: pieces per input of the timed comparison (the lecture's largest size). */
    public static final int SPEED_PIECES = 10_000;
    /** Task 2: speed-up over {@code +=} for full points; half at its square root, a quarter at its fourth root. */
    public static final double SPEEDUP_TARGET = 10.0;
    public static final double SPEED_POINTS = 2;

    /** Task 3: pieces per input when counting bytes. */
    public static final int BYTES_PIECES = 10_000;
    /** Task 3: {@code +=} must allocate at least this many times the variant's bytes. */
    public static final double BYTES_RATIO_TARGET = 100;
    /** Task 3: bytes are counted at n and 2n pieces; linear code grows about 2x, quadratic about 4x. */
    public static final int GROWTH_PIECES = 5_000;
    public static final double LINEAR_GROWTH_MAX = 2.3;
    public static final double ALLOCATION_POINTS = 1;

    /** Task 4: the copy arithmetic. */
    public static final double ARITHMETIC_POINTS = 2;

    private Rubric() {
    }
}
