package org.vmaware.lab01;

/**
 * The lecture's four loops, in Java: REFERENCE SOLUTION (lab01, task 1).
 *
 * <p>Each method walks the first {@code arraySize} elements of {@code theArray}, adds 0, 1, 2, 3 and 4 to each
 * element through {@link #func(int, int)}, writes the element back (so it ends 10 larger, wrapping like any
 * {@code int}), and returns the sum of the five intermediate values. Elements at {@code arraySize} and beyond are
 * left alone.</p>
 *
 * <p>What each rewrite buys depends on the tier that runs it (lab01's README has the measurements): in the
 * interpreter a call costs far more than a loop back-edge, so only {@code macroEquivOpt} is much faster; C1
 * inlines {@code func} but neither unrolls the inner loop nor keeps {@code theArray[idx]} in a register, so
 * {@code unrollOpt} and {@code macroEquivOpt} are much faster; C2 does all of it itself, so all four run alike.</p>
 */
public final class SeedLoops {

    private SeedLoops() {
    }

    /** The lecture's {@code func(count, value)}. */
    public static int func(int count, int value) {
        return count + value;
    }

    /** The lecture's {@code no_opt}: naive on purpose. */
    public static long noOpt(int arraySize, int[] theArray) {
        long sumVal = 0;
        for (int idx = 0; idx < arraySize; idx++) {
            for (int count = 0; count < 5; count++) {
                theArray[idx] = func(count, theArray[idx]);
                sumVal += theArray[idx];
            }
        }
        return sumVal;
    }

    /** The lecture's {@code reg_opt}: the element lives in a local for its five steps. */
    public static long regOpt(int arraySize, int[] theArray) {
        long sumVal = 0;
        for (int idx = 0; idx < arraySize; idx++) {
            int arrIdx = theArray[idx];
            for (int count = 0; count < 5; count++) {
                arrIdx = func(count, arrIdx);
                sumVal += arrIdx;
            }
            theArray[idx] = arrIdx;
        }
        return sumVal;
    }

    /** The lecture's {@code unroll_opt}, keeping the sum: no inner loop. */
    public static long unrollOpt(int arraySize, int[] theArray) {
        long sumVal = 0;
        for (int idx = 0; idx < arraySize; idx++) {
            int arrIdx = theArray[idx];
            arrIdx = func(0, arrIdx);
            sumVal += arrIdx;
            arrIdx = func(1, arrIdx);
            sumVal += arrIdx;
            arrIdx = func(2, arrIdx);
            sumVal += arrIdx;
            arrIdx = func(3, arrIdx);
            sumVal += arrIdx;
            arrIdx = func(4, arrIdx);
            sumVal += arrIdx;
            theArray[idx] = arrIdx;
        }
        return sumVal;
    }

    /** The lecture's {@code macro_equiv_opt}, keeping the sum: no call either. */
    public static long macroEquivOpt(int arraySize, int[] theArray) {
        long sumVal = 0;
        for (int idx = 0; idx < arraySize; idx++) {
            int arrIdx = theArray[idx];
            arrIdx = 0 + arrIdx;
            sumVal += arrIdx;
            arrIdx = 1 + arrIdx;
            sumVal += arrIdx;
            arrIdx = 2 + arrIdx;
            sumVal += arrIdx;
            arrIdx = 3 + arrIdx;
            sumVal += arrIdx;
            arrIdx = 4 + arrIdx;
            sumVal += arrIdx;
            theArray[idx] = arrIdx;
        }
        return sumVal;
    }
}
