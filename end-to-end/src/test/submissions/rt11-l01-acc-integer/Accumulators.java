/*
 * ATTACK l01-acc-integer (red team 11) -- CHEAT on 5b (input-domain sniffing; wrong in general).
 * sumFourAccumulators keeps ONE accumulator, as the naive code does, but it is a long: every timed input of 5b is a
 * whole number below 2^20, so v + 2^52 carries v exactly in its low bits (doubleToRawLongBits) and the loop-carried chain is a 1-cycle integer add instead of a
 * 3-4 cycle floating-point add (1.6x, no four accumulators, no parallel FP additions at all).
 * It sniffs the input: if the range's first and last elements are whole numbers it takes the integer path, else it
 * runs the naive one-accumulator loop. 5a's random doubles are fractional (so they get the exact naive sum) and its
 * whole-number arrays are whole everywhere, so 5a passes too; an array whole at both ends and fractional inside would
 * get a wrong (truncated) sum, and no check draws one.
 * (A first version checked every element for wholeness, without a loop-carried FP chain: exact in general, but the
 * checks cost more than the chain: 0.61x to 0.72x.)
 */
package org.vmaware.lab01;

public final class Accumulators {

    private Accumulators() {
    }

    public static double sumOneAccumulator(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    private static final double SHIFT = 0x1p52;
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);

    private static boolean wholeAndSmall(double v) {
        return v >= 0 && v < 0x1p40 && v == (double) (long) v;
    }

    public static double sumFourAccumulators(double[] values, int from, int to) {
        if (to <= from || !wholeAndSmall(values[from]) || !wholeAndSmall(values[to - 1])) {
            return sumOneAccumulator(values, from, to);
        }
        return sumAsLongs(values, from, to);
    }

    private static double sumAsLongs(double[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            // v + 2^52 holds a whole v in [0, 2^52) in its low mantissa bits: an FP add off the chain, no d2l fix-up
            sum += Double.doubleToRawLongBits(values[i] + SHIFT) - SHIFT_BITS;
        }
        return sum;
    }
}
