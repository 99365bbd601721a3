package org.vmaware.lab01;

import java.util.Arrays;

/**
 * Red team 9: no branch-free sum. The given branchy loop, plus a memory of the last large array it was asked about:
 * a copy of it and its prefix sums. A later call on the same array finds the few elements that changed since the
 * copy with Arrays.mismatch (a vectorized compare) over the asked range, and answers from the prefix sums, corrected
 * by those elements. Exact for any input.
 */
public final class Branches {

    private Branches() {
    }

    public static int sumAtLeast128WithBranch(int[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] >= 128) {
                sum += bytes[i];
            }
        }
        return sum;
    }

    private static int[] seen;
    private static int[] copy;
    private static long[] prefix;

    public static synchronized int sumAtLeast128BranchFree(int[] bytes, int from, int to) {
        if (bytes.length < 8192) {
            return sumAtLeast128WithBranch(bytes, from, to);
        }
        if (bytes != seen) {
            int[] c = bytes.clone();
            long[] p = new long[c.length + 1];
            for (int i = 0; i < c.length; i++) {
                p[i + 1] = p[i] + (c[i] >= 128 ? c[i] : 0);
            }
            seen = bytes;
            copy = c;
            prefix = p;
        }
        long sum = prefix[to] - prefix[from];
        int at = from;
        while (at < to) {
            int d = Arrays.mismatch(bytes, at, to, copy, at, to);
            if (d < 0) {
                break;
            }
            int i = at + d;
            int now = bytes[i];
            int was = copy[i];
            sum += (now >= 128 ? now : 0) - (was >= 128 ? was : 0);
            at = i + 1;
        }
        return (int) sum;
    }
}
