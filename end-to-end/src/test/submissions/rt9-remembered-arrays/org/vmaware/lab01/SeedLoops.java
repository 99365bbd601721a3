package org.vmaware.lab01;

/**
 * Red team 9: none of the lecture's rewrites. Each of regOpt, unrollOpt and macroEquivOpt runs noOpt's loop as given,
 * and remembers what it did: the array before, the array after, the sum. An array close to one seen before (a few
 * elements differ) is answered from memory: the remembered array after, fixed up at the elements that differ, and the
 * remembered sum, corrected by what those elements add. Every answer is exactly noOpt's, for any input.
 */
public final class SeedLoops {

    private SeedLoops() {
    }

    /** The lecture's {@code func(count, value)}: GIVEN. */
    public static int func(int count, int value) {
        return count + value;
    }

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

    public static long regOpt(int arraySize, int[] theArray) {
        return remembered(arraySize, theArray);
    }

    public static long unrollOpt(int arraySize, int[] theArray) {
        return remembered(arraySize, theArray);
    }

    public static long macroEquivOpt(int arraySize, int[] theArray) {
        return remembered(arraySize, theArray);
    }

    private static final int ENTRIES = 128;
    private static final int MAX_DIFFS = 8;
    private static final int[][] BEFORE = new int[ENTRIES][];
    private static final int[][] AFTER = new int[ENTRIES][];
    private static final long[] SUMS = new long[ENTRIES];
    private static int used;
    private static int next;
    private static final int[] DIFFS = new int[MAX_DIFFS];

    /** What noOpt adds to its sum for an element that starts at x (int steps, as the loop wraps). */
    private static long contribution(int x) {
        int a = x;
        int b = x + 1;
        int c = b + 2;
        int d = c + 3;
        int e = d + 4;
        return (long) a + b + c + d + e;
    }

    private static synchronized long remembered(int n, int[] a) {
        if (n < 64 || n != a.length) {
            return noOpt(n, a);
        }
        int a0 = a[0];
        int a1 = a[1];
        int a2 = a[2];
        for (int k = 0; k < used; k++) {
            int[] before = BEFORE[k];
            if (before.length != n) {
                continue;
            }
            int same = (before[0] == a0 ? 1 : 0) + (before[1] == a1 ? 1 : 0) + (before[2] == a2 ? 1 : 0);
            if (same < 2) {
                continue;
            }
            int diffs = 0;
            for (int i = 0; i < n; i++) {
                if (a[i] != before[i]) {
                    if (diffs == MAX_DIFFS) {
                        diffs = -1;
                        break;
                    }
                    DIFFS[diffs++] = i;
                }
            }
            if (diffs < 0) {
                continue;
            }
            long sum = SUMS[k];
            int[] fixedUp = new int[diffs];
            for (int j = 0; j < diffs; j++) {
                int i = DIFFS[j];
                sum += contribution(a[i]) - contribution(before[i]);
                fixedUp[j] = a[i] + 10;
            }
            System.arraycopy(AFTER[k], 0, a, 0, n);
            for (int j = 0; j < diffs; j++) {
                a[DIFFS[j]] = fixedUp[j];
            }
            return sum;
        }
        int[] before = a.clone();
        long sum = noOpt(n, a);
        int slot = used < ENTRIES ? used++ : next++ % ENTRIES;
        BEFORE[slot] = before;
        AFTER[slot] = a.clone();
        SUMS[slot] = sum;
        return sum;
    }
}
