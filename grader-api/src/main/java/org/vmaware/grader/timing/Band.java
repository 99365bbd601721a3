package org.vmaware.grader.timing;

/**
 * A band of partial credit: a speed-up proven to be at least {@code atLeast} earns {@code fraction} of the points.
 * Every band starts at 1.2x or more, so a naive implementation never earns any: two copies of the same method have
 * measured up to 1.12x apart (lab01's starter in the interpreter, where nothing is compiled).
 *
 * @param atLeast  the speed-up the band needs, at least 1.2
 * @param fraction the share of the points it earns, 0 to 1
 */
public record Band(double atLeast, double fraction) {

    /** The lowest speed-up a band or a target may start at: naive code has measured up to 1.12x. */
    public static final double NAIVE_REACH = 1.2;

    public Band {
        if (!(atLeast >= NAIVE_REACH)) {
            throw new IllegalArgumentException("a band must start at " + NAIVE_REACH + "x or more, so naive code"
                    + " earns nothing; got " + atLeast);
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a band's fraction must be in (0, 1], got " + fraction);
        }
    }
}
