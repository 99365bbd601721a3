package org.vmaware.grader.timing;

/**
 * A band of partial credit: a speed-up proven to be at least {@code atLeast} earns {@code fraction} of the points.
 * Every band lies above 1.1x, so a naive implementation, which reaches about 1x, never earns any.
 *
 * @param atLeast  the speed-up the band needs, above 1.1
 * @param fraction the share of the points it earns, 0 to 1
 */
public record Band(double atLeast, double fraction) {

    /** The lowest speed-up a band may start at: a naive implementation gets within 10% of the baseline. */
    public static final double NAIVE_REACH = 1.1;

    public Band {
        if (!(atLeast > NAIVE_REACH)) {
            throw new IllegalArgumentException("a band must start above " + NAIVE_REACH + "x, so naive code earns"
                    + " nothing; got " + atLeast);
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a band's fraction must be in (0, 1], got " + fraction);
        }
    }
}
