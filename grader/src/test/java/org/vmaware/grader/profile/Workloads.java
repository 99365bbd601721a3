package org.vmaware.grader.profile;

/** Stands for a student's file in the profile's tests: one hot method, one it inlines, one allocating site. */
public final class Workloads {

    private Workloads() {
    }

    /** Arithmetic over the array, many times over: where the samples should fall. */
    public static long hotLoop(int[] values) {
        long sum = 0;
        for (int round = 0; round < 64; round++) {
            for (int value : values) {
                sum = mix(sum, value ^ round);
            }
        }
        return sum;
    }

    /** Small and hot: the JIT inlines it into {@link #hotLoop}. */
    static long mix(long sum, int value) {
        return sum * 31 + value;
    }

    /** A fresh array a step: the site the allocation samples should name. */
    public static long allocatingSite(int[] values) {
        long sum = 0;
        for (int value : values) {
            long[] boxed = new long[16];
            boxed[value & 15] = value;
            sum += boxed[value & 15];
        }
        return sum;
    }
}
