package org.vmaware.lab01;

/**
 * The lecture's four loops, in Java: YOUR CODE (lab01, task 1).
 *
 * <p>Each method walks the first {@code arraySize} elements of {@code theArray}, adds 0, 1, 2, 3 and 4 to each
 * element through {@link #func(int, int)}, writes the element back (so it ends 10 larger, wrapping like any
 * {@code int}), and returns the sum of the five intermediate values. Elements at {@code arraySize} and beyond are
 * left alone. The lecture's unroll and macro versions drop {@code sum_val}; here every version returns it, because
 * a JIT deletes work whose result nobody uses (the JMH benchmark {@code Lab01DeadSum} shows it).</p>
 * <pre>
 * int[] a = {0, 100};
 * noOpt(2, a)          = 540       (each element gives 5 times its value plus 0+1+3+6+10; a becomes {10, 110})
 * macroEquivOpt(1, a)  = 70        (a becomes {20, 110})
 * noOpt(0, a)          = 0
 * </pre>
 *
 * <p>The three versions below are correct but naive: copies of {@link #noOpt(int, int[])}. Rewrite each one as its
 * comment asks; the grader times them against {@code noOpt} in the interpreter ({@code -Xint}), in C1 only
 * ({@code -XX:TieredStopAtLevel=1}) and with the full JIT. Keep the method names and signatures.</p>
 */
public final class SeedLoops {

    private SeedLoops() {
    }

    /** The lecture's {@code func(count, value)}: GIVEN. */
    public static int func(int count, int value) {
        return count + value;
    }

    /**
     * The lecture's {@code no_opt}: GIVEN, and naive on purpose. It reads and writes {@code theArray[idx]} five times
     * per element and calls {@code func} five times.
     */
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

    /**
     * Task 1a, the lecture's {@code reg_opt}: read {@code theArray[idx]} once into a local variable, run the five
     * calls on the local, and write it back once.
     */
    public static long regOpt(int arraySize, int[] theArray) {
        // TODO task 1a: keep the element in a local ("a register") instead of theArray[idx]
        long sumVal = 0;
        for (int idx = 0; idx < arraySize; idx++) {
            for (int count = 0; count < 5; count++) {
                theArray[idx] = func(count, theArray[idx]);
                sumVal += theArray[idx];
            }
        }
        return sumVal;
    }

    /**
     * Task 1b, the lecture's {@code unroll_opt}: as {@code regOpt}, with the inner loop written out as five calls
     * {@code func(0, x)} to {@code func(4, x)}, adding each result to the sum.
     */
    public static long unrollOpt(int arraySize, int[] theArray) {
        // TODO task 1b: no inner loop; five calls to func, one after the other
        long sumVal = 0;
        for (int idx = 0; idx < arraySize; idx++) {
            for (int count = 0; count < 5; count++) {
                theArray[idx] = func(count, theArray[idx]);
                sumVal += theArray[idx];
            }
        }
        return sumVal;
    }

    /**
     * Task 1c, the lecture's {@code macro_equiv_opt}: as {@code unrollOpt}, with each call replaced by its body
     * ({@code x = 0 + x}, then {@code x = 1 + x} ...): no call at all.
     */
    public static long macroEquivOpt(int arraySize, int[] theArray) {
        // TODO task 1c: write func's body in place of each call
        long sumVal = 0;
        for (int idx = 0; idx < arraySize; idx++) {
            for (int count = 0; count < 5; count++) {
                theArray[idx] = func(count, theArray[idx]);
                sumVal += theArray[idx];
            }
        }
        return sumVal;
    }
}
